import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clearTermsRequired } from '../auth/termsRequired';
import { api, call } from './client';
import { isApiError } from './errors';
import { meKey } from './me';
import { nextCursor } from './pages';
import type { Me, TermsState } from './types';

/** termsKey is the root of every query key about the terms. */
export const termsKey = ['terms'] as const;

/** useCurrentTerms is the current version of the terms, null while none is published. */
export function useCurrentTerms() {
  return useQuery({
    queryKey: [...termsKey, 'current'],
    staleTime: 0,
    queryFn: async ({ signal }) => {
      try {
        return await call(api.GET('/api/v1/terms', { signal }));
      } catch (error) {
        if (isApiError(error, 'not_found')) return null;
        throw error;
      }
    },
  });
}

/**
 * useAcceptTerms accepts a version: POST /api/v1/me/terms. Then every answer refused for want
 * of it is asked again, so that the user continues where they were.
 */
export function useAcceptTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call(api.POST('/api/v1/me/terms', { body: { version } })),
    onSuccess: async (terms: TermsState) => {
      queryClient.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, terms } : me));
      clearTermsRequired();
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== meKey[0],
      });
    },
  });
}

/** usePublishTerms publishes a new version: POST /api/v1/terms (vendor admins). */
export function usePublishTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => call(api.POST('/api/v1/terms', { body: { text } })),
    // The publisher must accept the new version too: asking for /me again shows the terms.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: termsKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]),
  });
}

/** useTermsVersions lists the published versions, newest first, a page at a time. */
export function useTermsVersions() {
  return useInfiniteQuery({
    queryKey: [...termsKey, 'versions'],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/terms/versions', {
          signal,
          params: { query: { ...(pageParam !== undefined && { cursor: pageParam }) } },
        }),
      ),
  });
}

/** useTermsVersion is one version with its text. */
export function useTermsVersion(version: number) {
  return useQuery({
    queryKey: [...termsKey, 'versions', version],
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/terms/versions/{version}', { signal, params: { path: { version } } })),
  });
}

/** useTermsAcceptances lists who accepted a version, a page at a time (vendor admins). */
export function useTermsAcceptances(version: number) {
  return useInfiniteQuery({
    queryKey: [...termsKey, 'versions', version, 'acceptances'],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/terms/versions/{version}/acceptances', {
          signal,
          params: {
            path: { version },
            query: { ...(pageParam !== undefined && { cursor: pageParam }) },
          },
        }),
      ),
  });
}
