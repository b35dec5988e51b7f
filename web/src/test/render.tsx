import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Providers } from '../Providers';
import { routes } from '../routes';

/**
 * renderApp renders the application at path, as the browser would after loading it there,
 * with a query cache of its own that does not retry (the tests decide every answer).
 */
export function renderApp(path = '/', table: RouteObject[] = routes) {
  const router = createMemoryRouter(table, { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, router };
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
