/**
 * Where the browser goes after sign-in. The server decides whether a `return_to` is allowed and
 * answers `redirect_to`; this module only turns that answer into a navigation, and checks it
 * again so that a bug on either side can never send anyone to a foreign site by a path trick.
 */

/** Destination is where to go: a path of this application, or a page of an allowed site. */
export type Destination = { kind: 'route'; path: string } | { kind: 'external'; url: string };

/** home is where the sign-in goes when there is nowhere better. */
export const home: Destination = { kind: 'route', path: '/' };

// The longest return_to passed on; a longer one is no link a site would make.
const maxLength = 2048;

/** returnToFrom reads `return_to` from a query string; absent, empty or too long is undefined. */
export function returnToFrom(search: URLSearchParams): string | undefined {
  const value = search.get('return_to');
  if (value === null || value === '' || value.length > maxLength) return undefined;
  return value;
}

/**
 * loginPath is the sign-in page that comes back to `path` (a path of this application, with its
 * query string) afterwards; the sign-in page itself and the home page need no return_to.
 */
export function loginPath(path: string): string {
  if (path === '/' || path.startsWith('/login') || !isSafePath(path)) return '/login';
  return `/login?return_to=${encodeURIComponent(path)}`;
}

/**
 * destinationOf turns the server's `redirect_to` into a destination, as seen from `origin`
 * (`window.location.origin`): a safe path or a URL of the same origin stays in the router, an
 * http(s) URL elsewhere leaves the application, anything else goes home. A way back to the
 * sign-in page goes home too, so that signing in never ends on the form again.
 */
export function destinationOf(redirectTo: string, origin: string): Destination {
  if (redirectTo.startsWith('/')) {
    return isSafePath(redirectTo) ? notLogin(redirectTo) : home;
  }
  let url: URL;
  try {
    url = new URL(redirectTo);
  } catch {
    return home;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return home;
  if (url.username !== '' || url.password !== '') return home;
  if (url.origin === origin) return notLogin(url.pathname + url.search + url.hash);
  return { kind: 'external', url: url.href };
}

function notLogin(path: string): Destination {
  return path === '/login' || path.startsWith('/login?') || path.startsWith('/login#')
    ? home
    : { kind: 'route', path };
}

// A stand-in origin against which paths are resolved to see that they stay on it.
const probe = 'https://origin.invalid';

/**
 * isSafePath reports whether `path` is a path of this origin: one leading slash (never `//` or
 * `/\`, which browsers read as another host), no control characters or backslashes, in its raw
 * form and in every form percent-decoding gives it, and still on this origin once resolved.
 */
export function isSafePath(path: string): boolean {
  let current = path;
  for (let round = 0; round < 4; round++) {
    if (!plainPath(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return new URL(path, probe).origin === probe;
    current = decoded;
  }
  return false;
}

function plainPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  return !/[\u0000-\u001f\u007f]/.test(path);
}
