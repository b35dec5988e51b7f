/**
 * leaveTo leaves the application for an allowed site, with a full page load. It is a module of
 * its own so that tests can see where the browser would have gone.
 */
export function leaveTo(url: string): void {
  window.location.assign(url);
}
