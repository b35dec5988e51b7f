import createClient from 'openapi-fetch';
import { errorFromResponse, networkError } from './errors';
import type { paths } from './schema';

/**
 * api is the typed client of the Licensor API: paths, parameters and bodies come from the
 * OpenAPI document through schema.d.ts. Pass its answers through `call`.
 */
export const api = createClient<paths>({
  // An absolute base: the browser's own origin, and jsdom's in the unit tests.
  baseUrl: window.location.origin,
  // Looked up on every call rather than once, so that tests can replace fetch.
  fetch: (request) => globalThis.fetch(request),
  headers: { Accept: 'application/json, application/problem+json' },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * call waits for an answer of `api` and returns its data, or throws an ApiError: the server's
 * problem document, a network failure, or an answer that is neither. An aborted call rethrows
 * the abort as it is, for TanStack Query to recognise.
 *
 *     const health = await call(api.GET('/healthz', { signal }));
 */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw networkError(cause);
  }
  if (!answer.response.ok) throw errorFromResponse(answer.response, answer.error);
  return answer.data as T;
}

// isAbort recognises an aborted fetch by name: the DOMException may come from another realm.
function isAbort(cause: unknown): boolean {
  return (
    typeof cause === 'object' && cause !== null && 'name' in cause && cause.name === 'AbortError'
  );
}
