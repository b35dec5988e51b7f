import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { nextCursor } from './pages';
import type { components } from './schema';

type Schemas = components['schemas'];

/** License is a license as the API shows it: never its key, only the key's last 4 characters. */
export type License = Schemas['License'];
/** LicenseWithKey is a license with its key, in the one answer that shows it. */
export type LicenseWithKey = Schemas['LicenseWithKey'];
/** LicenseCreate is the body that creates a license. */
export type LicenseCreate = Schemas['LicenseCreate'];
/** LicenseUpdate is the body that changes a license; fields left out stay. */
export type LicenseUpdate = Schemas['LicenseUpdate'];

/** licensesKey is the root of every query key about licenses. */
export const licensesKey = ['licenses'] as const;

/** orgLicensesKey is the query key of the licenses of organisation org. */
export function orgLicensesKey(org: string) {
  return [...licensesKey, 'org', org] as const;
}

/** licenseKey is the query key of one license. */
export function licenseKey(id: string) {
  return [...licensesKey, 'one', id] as const;
}

/** withoutKey is a license with its key taken out, for the cache: the key lives on screen only. */
export function withoutKey(license: LicenseWithKey): License {
  const rest: Partial<LicenseWithKey> = { ...license };
  delete rest.key;
  return rest as License;
}

/** useOrgLicenses lists the licenses of an organisation, oldest first, a page at a time. */
export function useOrgLicenses(org: string) {
  return useInfiniteQuery({
    queryKey: orgLicensesKey(org),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/orgs/{org}/licenses', {
          signal,
          params: {
            path: { org },
            query: { ...(pageParam !== undefined && { cursor: pageParam }) },
          },
        }),
      ),
  });
}

/** useLicense is one license; one out of reach fails with `not_found`. */
export function useLicense(id: string) {
  return useQuery({
    queryKey: licenseKey(id),
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/licenses/{id}', { signal, params: { path: { id } } })),
  });
}

// Mutations that answer a key keep it no longer than the screen that shows it (gcTime 0): the
// key goes into no cache.
const noKeptKey = { gcTime: 0 } as const;

/** useCreateLicense creates a license of organisation org; the answer holds its key. */
export function useCreateLicense(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...noKeptKey,
    mutationFn: (body: LicenseCreate) =>
      call(api.POST('/api/v1/orgs/{org}/licenses', { params: { path: { org } }, body })),
    onSuccess: async (license) => {
      queryClient.setQueryData(licenseKey(license.id), withoutKey(license));
      await queryClient.invalidateQueries({ queryKey: orgLicensesKey(org) });
    },
  });
}

/** useUpdateLicense changes a license's terms or status: PATCH /api/v1/licenses/{id}. */
export function useUpdateLicense(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LicenseUpdate) =>
      call(api.PATCH('/api/v1/licenses/{id}', { params: { path: { id } }, body })),
    onSuccess: async (license) => {
      queryClient.setQueryData(licenseKey(id), license);
      await queryClient.invalidateQueries({ queryKey: orgLicensesKey(license.org_id) });
    },
  });
}

/** useRegenerateKey replaces a license's key; the answer holds the new one. */
export function useRegenerateKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    ...noKeptKey,
    mutationFn: () => call(api.POST('/api/v1/licenses/{id}/key', { params: { path: { id } } })),
    onSuccess: async (license) => {
      queryClient.setQueryData(licenseKey(id), withoutKey(license));
      await queryClient.invalidateQueries({ queryKey: orgLicensesKey(license.org_id) });
    },
  });
}

/**
 * useSuspendOrgLicenses suspends every license of an organisation (suspend true), or ends that
 * suspension (false); licenses suspended on their own stay suspended.
 */
export function useSuspendOrgLicenses(org: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suspend: boolean) => {
      const params = { params: { path: { org } } };
      return call(
        suspend
          ? api.POST('/api/v1/orgs/{org}/licenses/suspend', params)
          : api.POST('/api/v1/orgs/{org}/licenses/reinstate', params),
      );
    },
    // Every license of the organisation changed, and the open license pages with them.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: licensesKey }),
  });
}
