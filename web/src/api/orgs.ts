import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, call } from './client';
import type { Org, OrgCreate, OrgKind, OrgUpdate } from './orgTypes';
import { nextCursor } from './pages';

/** orgsKey is the root of every query key about organisations and what they hold. */
export const orgsKey = ['orgs'] as const;

/** orgKey is the root of the query keys of one organisation: itself, members, invitations... */
export function orgKey(id: string) {
  return [...orgsKey, 'one', id] as const;
}

/** OrgFilter narrows the list of organisations: a name's start, a kind. */
export interface OrgFilter {
  q: string;
  kind: OrgKind | null;
}

/**
 * useOrgs lists the organisations the user reaches, by name, a page at a time. While a new
 * filter loads, the previous answer stays on screen.
 */
export function useOrgs(filter: OrgFilter) {
  const q = filter.q.trim();
  return useInfiniteQuery({
    queryKey: [...orgsKey, 'list', { q, kind: filter.kind }],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    placeholderData: keepPreviousData,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/orgs', {
          signal,
          params: {
            query: {
              ...(q !== '' && { q }),
              ...(filter.kind !== null && { kind: filter.kind }),
              ...(pageParam !== undefined && { cursor: pageParam }),
            },
          },
        }),
      ),
  });
}

/** useDistributors lists the distributors the user reaches (the first 200), for choosing one. */
export function useDistributors(enabled: boolean) {
  return useQuery({
    queryKey: [...orgsKey, 'list', 'distributors'],
    enabled,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/orgs', {
          signal,
          params: { query: { kind: 'distributor', limit: 200 } },
        }),
      ),
  });
}

/** useOrg is one organisation; one out of reach fails with `not_found`, never retried. */
export function useOrg(id: string) {
  return useQuery({
    queryKey: orgKey(id),
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/orgs/{org}', { signal, params: { path: { org: id } } })),
  });
}

/** useCreateOrg creates a distributor or a client: POST /api/v1/orgs. */
export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgCreate) => call(api.POST('/api/v1/orgs', { body })),
    onSuccess: async (org: Org) => {
      queryClient.setQueryData(orgKey(org.id), org);
      await queryClient.invalidateQueries({ queryKey: [...orgsKey, 'list'] });
    },
  });
}

/** useUpdateOrg changes an organisation: PATCH /api/v1/orgs/{org}. */
export function useUpdateOrg(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUpdate) =>
      call(api.PATCH('/api/v1/orgs/{org}', { params: { path: { org: id } }, body })),
    onSuccess: async (org: Org) => {
      queryClient.setQueryData(orgKey(org.id), org);
      await queryClient.invalidateQueries({ queryKey: [...orgsKey, 'list'] });
    },
  });
}
