import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from './client';
import { orgKey } from './orgs';
import { nextCursor } from './pages';

/**
 * useOrgEvents lists an organisation's audit log, newest first, a page at a time, optionally
 * of one action (`member.role_changed`) or of one object's actions (`member`).
 */
export function useOrgEvents(org: string, action: string) {
  const a = action.trim();
  return useInfiniteQuery({
    queryKey: [...orgKey(org), 'events', a],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    placeholderData: keepPreviousData,
    queryFn: ({ signal, pageParam }) =>
      call(
        api.GET('/api/v1/orgs/{org}/events', {
          signal,
          params: {
            path: { org },
            query: {
              ...(a !== '' && { action: a }),
              ...(pageParam !== undefined && { cursor: pageParam }),
            },
          },
        }),
      ),
  });
}
