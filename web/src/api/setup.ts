import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clearTermsRequired } from '../auth/termsRequired';
import { api, call } from './client';
import { signedIn } from './me';

/** useSetupPreview says what a setup link sets up: POST /api/v1/setup/preview. */
export function useSetupPreview(token: string | null) {
  return useQuery({
    queryKey: ['setup-preview', token],
    enabled: token !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: ({ signal }) =>
      call(api.POST('/api/v1/setup/preview', { signal, body: { token: token ?? '' } })),
  });
}

/** Setup is what the setup form sends; email and name only for the first admin's link. */
export interface Setup {
  token: string;
  password: string;
  email?: string;
  name?: string;
}

/**
 * useCompleteSetup uses up a setup link and signs in: POST /api/v1/setup. It resolves with
 * `redirect_to` once the new user is known to the cache.
 */
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (setup: Setup) => {
      const result = await call(api.POST('/api/v1/setup', { body: setup }));
      clearTermsRequired();
      await signedIn(queryClient);
      return result.redirect_to;
    },
  });
}
