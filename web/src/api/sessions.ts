import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from './client';
import { signedOut } from './me';
import { leaveForLogin } from './session';
import { nextCursor } from './pages';

/** sessionsKey is the query key of the signed-in user's sessions. */
export const sessionsKey = ['me', 'sessions'] as const;

/** useSessions lists the signed-in user's sessions, newest first, a page at a time. */
export function useSessions() {
  return useInfiniteQuery({
    queryKey: sessionsKey,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/me/sessions', {
          signal,
          params: { query: { ...(pageParam !== undefined && { cursor: pageParam }) } },
        }),
      ),
  });
}

/**
 * useRevokeSession ends one session: DELETE /api/v1/me/sessions/{id}. Ending this browser's own
 * session signs out, to the sign-in page.
 */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async ({ id }: { id: string; current: boolean }) => {
      await call(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
    },
    onSuccess: async (_, { current }) => {
      if (current) {
        await leaveForLogin(navigate);
        signedOut(queryClient);
      } else await queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });
}

/** useRevokeOtherSessions ends every session but this browser's: DELETE /api/v1/me/sessions. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/me/sessions')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
