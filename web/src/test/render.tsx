import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { newQueryClient } from '../api/queryClient';
import { clearTermsRequired } from '../auth/termsRequired';
import { Providers } from '../Providers';
import { routes } from '../routes';

/**
 * renderApp renders the application at path, as the browser would after loading it there,
 * with a query cache of its own that does not retry (the tests decide every answer).
 */
export function renderApp(path = '/', table: RouteObject[] = routes) {
  const router = createMemoryRouter(table, { initialEntries: [path] });
  const queryClient = newQueryClient();
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  clearTermsRequired();
  const result = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, router, queryClient };
}

/** answers replaces fetch with one that gives the answers in turn, and records the requests. */
export function answers(...responses: (Response | Error | DOMException)[]) {
  const requests: Request[] = [];
  const fetch = (input: RequestInfo | URL) => {
    requests.push(input instanceof Request ? input : new Request(input));
    const next = responses.shift();
    if (next === undefined) return Promise.reject(new Error('no answer left for this request'));
    return next instanceof Response ? Promise.resolve(next) : Promise.reject(next);
  };
  return { fetch, requests };
}

/** json makes an answer with a JSON body. */
export function json(body: unknown, init: ResponseInit = {}, type = 'application/json') {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', type);
  return new Response(JSON.stringify(body), { status: 200, ...init, headers });
}

/** Handler answers one route of the fake server: an answer, a failure, or a function. */
export type Handler = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * fakeServer replaces fetch with one that answers by method and path (`'GET /api/v1/me'`):
 * a list of handlers answers in turn, the last one again and again. GET /api/v1/me answers
 * 401 (nobody signed in) unless the table says otherwise; any other route not in the table
 * fails the test's request. It records the requests.
 */
export function fakeServer(table: Record<string, Handler | Handler[]>) {
  const requests: Request[] = [];
  const queues = new Map<string, Handler[]>();
  const withMe: Record<string, Handler | Handler[]> = { 'GET /api/v1/me': signedOut(), ...table };
  for (const [route, handlers] of Object.entries(withMe)) {
    queues.set(route, handlers instanceof Array ? handlers.slice() : [handlers]);
  }
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input);
    requests.push(request);
    const route = `${request.method} ${new URL(request.url).pathname}`;
    const queue = queues.get(route);
    const next = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (next === undefined) throw new Error(`no answer for ${route}`);
    if (next instanceof Error) throw next;
    const answer = next instanceof Response ? next : await next(request);
    // A Response body can be read once; hand out a copy so that answers can repeat.
    return answer.clone();
  };
  return { fetch, requests };
}

/** problemAnswer makes a problem+json answer with a code, as the server's errors are. */
export function problemAnswer(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const body = { type: `urn:licensor:problem:${code}`, title: code, status, code, ...extra };
  return json(body, { status, headers }, 'application/problem+json');
}

/** signedOut is the answer of GET /api/v1/me when nobody is signed in. */
export function signedOut() {
  return problemAnswer(401, 'unauthenticated');
}
