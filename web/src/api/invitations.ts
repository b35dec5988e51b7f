import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clearTermsRequired } from '../auth/termsRequired';
import { api, call } from './client';
import { signedIn } from './me';
import type { Role } from './orgTypes';
import { orgKey } from './orgs';
import { nextCursor } from './pages';

/** invitationsKey is the query key of an organisation's invitations. */
export function invitationsKey(org: string) {
  return [...orgKey(org), 'invitations'] as const;
}

/** useInvitations lists an organisation's invitations, newest first, a page at a time. */
export function useInvitations(org: string) {
  return useInfiniteQuery({
    queryKey: invitationsKey(org),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/orgs/{org}/invitations', {
          signal,
          params: {
            path: { org },
            query: { ...(pageParam !== undefined && { cursor: pageParam }) },
          },
        }),
      ),
  });
}

/**
 * useInvite invites someone: POST /api/v1/orgs/{org}/invitations. An address with an account
 * joins at once (`added`), so the members, the invitations and the log are all asked again.
 */
export function useInvite(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      call(api.POST('/api/v1/orgs/{org}/invitations', { params: { path: { org } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(org) }),
  });
}

/** useRevokeInvitation revokes a pending invitation: its link stops working. */
export function useRevokeInvitation(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await call(
        api.DELETE('/api/v1/orgs/{org}/invitations/{id}', { params: { path: { org, id } } }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(org) }),
  });
}

/** useResendInvitation mails a new link; the old one stops working. */
export function useResendInvitation(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(
        api.POST('/api/v1/orgs/{org}/invitations/{id}/resend', { params: { path: { org, id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKey(org) }),
  });
}

/** useInvitationPreview says what an invitation link invites to (public). */
export function useInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    enabled: token !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: ({ signal }) =>
      call(api.POST('/api/v1/invitations/preview', { signal, body: { token: token ?? '' } })),
  });
}

/** Acceptance is what the invitation page sends; name and password for a new account. */
export interface Acceptance {
  token: string;
  name?: string;
  password?: string;
  terms_version?: number;
}

/**
 * useAcceptInvitation accepts an invitation: a new account is made and signed in. It resolves
 * with the answer once the user is known to the cache.
 */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Acceptance) => {
      const result = await call(api.POST('/api/v1/invitations/accept', { body }));
      if (result.status === 'joined') {
        clearTermsRequired();
        await signedIn(queryClient);
      }
      return result;
    },
  });
}
