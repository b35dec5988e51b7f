import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, type NavigateFunction } from 'react-router';
import { clearTermsRequired } from '../auth/termsRequired';
import { api, call } from './client';
import { isApiError } from './errors';
import { signedIn, signedOut } from './me';

/** SignIn is what the sign-in form sends. */
export interface SignIn {
  email: string;
  password: string;
  returnTo?: string | undefined;
}

/**
 * useSignIn signs in: POST /api/v1/session. A `return_to` that the server refuses is dropped
 * and the sign-in tried again without it, which goes to the home page, as SECURITY.md wants
 * for a link with a foreign return_to. It resolves with `redirect_to` once the new user is
 * known to the cache.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password, returnTo }: SignIn) => {
      const post = (return_to?: string) =>
        call(
          api.POST('/api/v1/session', {
            body: { email, password, ...(return_to !== undefined && { return_to }) },
          }),
        );
      let result;
      try {
        result = await post(returnTo);
      } catch (error) {
        if (returnTo === undefined || !refusesReturnTo(error)) throw error;
        result = await post();
      }
      clearTermsRequired();
      await signedIn(queryClient);
      return result.redirect_to;
    },
  });
}

function refusesReturnTo(error: unknown): boolean {
  return (
    isApiError(error, 'validation_failed') &&
    error.fieldErrors.length > 0 &&
    error.fieldErrors.every((f) => f.field === 'return_to')
  );
}

/**
 * useSignOut ends this browser's session: DELETE /api/v1/session, then goes to the sign-in
 * page. When the session had already ended (401) the user is signed out all the same.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await call(api.DELETE('/api/v1/session'));
      } catch (error) {
        if (!isApiError(error, 'unauthenticated')) throw error;
      }
    },
    onSuccess: async () => {
      await leaveForLogin(navigate);
      clearTermsRequired();
      signedOut(queryClient);
    },
  });
}

/**
 * leaveForLogin goes to the sign-in page, as a sign-out must do before it forgets the user:
 * the screens that need someone signed in would otherwise send to the sign-in page first,
 * with a return_to back to themselves. It resolves once the navigation is done.
 */
export async function leaveForLogin(navigate: NavigateFunction): Promise<void> {
  // flushSync: the router renders the sign-in page at once, outside a transition, so that no
  // screen that needs the user is still on show when the cache forgets them.
  await navigate('/login', { flushSync: true });
}
