// Picks light or dark before the first paint, so that a dark system does not flash a white page
// while the application loads. Mantine keeps the attribute up to date afterwards. This is a file
// of its own, loaded by index.html, because the Content-Security-Policy refuses inline scripts.
(function () {
  var scheme = 'light';
  try {
    // The key of Mantine's localStorage colour-scheme manager, should a user ever choose one.
    scheme = window.localStorage.getItem('mantine-color-scheme-value') || 'auto';
  } catch {
    scheme = 'auto';
  }
  if (scheme !== 'light' && scheme !== 'dark') {
    var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    scheme = dark ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
})();
