import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { raiseTermsRequired } from '../auth/termsRequired';
import { isApiError } from './errors';
import { meKey } from './me';

/**
 * retryable says whether a failed query is worth a second try: a network failure or a server
 * error may pass, a refusal (4xx) will not.
 */
export function retryable(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.code === 'network_error' || error.status >= 500;
}

/** newQueryClient makes the cache of server state that the whole UI shares. */
export function newQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        onAnyError(client, error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        onAnyError(client, error);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && retryable(error),
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * onAnyError reacts to the refusals that concern the whole application rather than one screen:
 * terms to accept (the terms gate then shows them), and a session that ended (asking /me again
 * finds nobody signed in, and the screens that need someone send to the sign-in page).
 */
function onAnyError(client: QueryClient, error: unknown): void {
  if (isApiError(error, 'terms_required')) {
    raiseTermsRequired();
    void client.invalidateQueries({ queryKey: meKey, exact: true });
  } else if (isApiError(error, 'unauthenticated')) {
    void client.invalidateQueries({ queryKey: meKey, exact: true });
  }
}
