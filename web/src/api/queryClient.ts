import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { raiseTermsRequired } from '../auth/termsRequired';
import { isApiError } from './errors';
import { meKey } from './me';
import { orgKey, orgsKey } from './orgs';

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
      onError: (error, query) => {
        onAnyError(client, error);
        if (isApiError(error, 'not_found')) onNotFound(client, query.queryKey);
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

/**
 * orgBeneath is the organisation whose part (members, invitations, events...) key names, or
 * null when key is not of such a part: the organisation's own query is not beneath it.
 */
export function orgBeneath(key: QueryKey): string | null {
  const [root, one, id, ...rest] = key;
  if (root !== orgsKey[0] || one !== 'one' || typeof id !== 'string' || rest.length === 0) {
    return null;
  }
  return id;
}

/**
 * onNotFound: a part of an organisation answered "not found", as it does once the user lost
 * access to it (removed from it, say). The organisation and the user's memberships are asked
 * again, so that the organisation's page says "not found" as a whole and the switcher drops
 * it, rather than one tab showing a failure.
 */
function onNotFound(client: QueryClient, key: QueryKey): void {
  const org = orgBeneath(key);
  if (org === null) return;
  void client.invalidateQueries({ queryKey: orgKey(org), exact: true });
  void client.invalidateQueries({ queryKey: meKey, exact: true });
}
