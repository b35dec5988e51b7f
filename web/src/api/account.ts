import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { meKey } from './me';
import { sessionsKey } from './sessions';
import type { Me, User } from './types';

/** useUpdateName changes the signed-in user's name: PATCH /api/v1/me. */
export function useUpdateName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(api.PATCH('/api/v1/me', { body: { name } })),
    onSuccess: (user: User) => {
      queryClient.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, user } : me));
    },
  });
}

/** PasswordChange is what the password form sends. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * useChangePassword changes the password: POST /api/v1/me/password. The server ends the other
 * sessions, so the list of sessions is asked again.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordChange) =>
      call(
        api.POST('/api/v1/me/password', {
          body: { current_password: currentPassword, new_password: newPassword },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** EmailChange is what the email form sends. */
export interface EmailChange {
  newEmail: string;
  currentPassword: string;
}

/** useChangeEmail asks for a confirmation link at a new address: POST /api/v1/me/email. */
export function useChangeEmail() {
  return useMutation({
    mutationFn: ({ newEmail, currentPassword }: EmailChange) =>
      call(
        api.POST('/api/v1/me/email', {
          body: { new_email: newEmail, current_password: currentPassword },
        }),
      ),
  });
}

/**
 * useConfirmEmail confirms an address change with a mailed token: POST
 * /api/v1/me/email/confirm. It is a query rather than a mutation so that the page confirms once
 * on opening, however often React mounts it, and remembers the outcome; the token is single use.
 */
export function useConfirmEmail(token: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['confirm-email', token],
    enabled: token !== null,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    queryFn: async () => {
      const changed = await call(
        api.POST('/api/v1/me/email/confirm', { body: { token: token ?? '' } }),
      );
      // A GET /me sent as the page opened may answer with the old address after this: an
      // invalidation alone would wait for it rather than ask again, so it is cancelled first.
      await queryClient.cancelQueries({ queryKey: meKey, exact: true });
      await queryClient.invalidateQueries({ queryKey: meKey });
      return changed;
    },
  });
}

/** useRequestPasswordReset asks for a reset link: POST /api/v1/password-resets (always 202). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => call(api.POST('/api/v1/password-resets', { body: { email } })),
  });
}

/** useConfirmPasswordReset sets a new password with a reset link's token; it does not sign in. */
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: ({ token, password }: { token: string; password: string }) =>
      call(api.POST('/api/v1/password-resets/confirm', { body: { token, password } })),
  });
}
