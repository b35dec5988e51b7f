import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';

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
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && retryable(error),
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
