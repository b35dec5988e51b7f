import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { isApiError } from './errors';
import type { Me } from './types';

/** meKey is the query key of the signed-in user. */
export const meKey = ['me'] as const;

/**
 * meQuery asks who is signed in: GET /api/v1/me. Nobody signed in is not a failure but an
 * answer, null, so that screens tell "signed out" from "could not ask".
 */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await call(api.GET('/api/v1/me', { signal }));
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) return null;
      throw error;
    }
  },
});

/** useMe is the signed-in user, null when nobody is. */
export function useMe() {
  return useQuery(meQuery);
}

/**
 * forgetAllBut drops every cached answer except the signed-in user's, as a change of user
 * requires: nothing of one account may show under another.
 */
export function forgetAllBut(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

/** signedOut records in the cache that nobody is signed in any more. */
export function signedOut(queryClient: QueryClient): void {
  queryClient.setQueryData(meKey, null);
  forgetAllBut(queryClient);
}

/** signedIn forgets the previous user's answers and waits for the new user's. */
export async function signedIn(queryClient: QueryClient): Promise<void> {
  forgetAllBut(queryClient);
  await queryClient.query({ ...meQuery, staleTime: 0 });
}
