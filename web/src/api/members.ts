import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { meKey } from './me';
import type { Role } from './orgTypes';
import { orgKey } from './orgs';
import { nextCursor } from './pages';

/** membersKey is the query key of an organisation's members. */
export function membersKey(org: string) {
  return [...orgKey(org), 'members'] as const;
}

/** useMembers lists an organisation's members, a page at a time. */
export function useMembers(org: string) {
  return useInfiniteQuery({
    queryKey: membersKey(org),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/orgs/{org}/members', {
          signal,
          params: {
            path: { org },
            query: { ...(pageParam !== undefined && { cursor: pageParam }) },
          },
        }),
      ),
  });
}

// afterChange asks again for the members, the log, and who is signed in (whose own role or
// membership may be what changed).
async function afterChange(queryClient: ReturnType<typeof useQueryClient>, org: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: orgKey(org) }),
    queryClient.invalidateQueries({ queryKey: meKey, exact: true }),
  ]);
}

/** useChangeRole changes a member's role: PATCH /api/v1/orgs/{org}/members/{user}. */
export function useChangeRole(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, role }: { user: string; role: Role }) =>
      call(
        api.PATCH('/api/v1/orgs/{org}/members/{user}', {
          params: { path: { org, user } },
          body: { role },
        }),
      ),
    onSuccess: () => afterChange(queryClient, org),
  });
}

/** useRemoveMember removes a member: DELETE /api/v1/orgs/{org}/members/{user}. */
export function useRemoveMember(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (user: string) => {
      await call(
        api.DELETE('/api/v1/orgs/{org}/members/{user}', { params: { path: { org, user } } }),
      );
    },
    onSuccess: () => afterChange(queryClient, org),
  });
}
