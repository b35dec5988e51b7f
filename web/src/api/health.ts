import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';

/** healthKey is the query key of the server's liveness answer. */
export const healthKey = ['healthz'] as const;

/** useHealth asks the server whether it is alive: GET /healthz. */
export function useHealth() {
  return useQuery({
    queryKey: healthKey,
    queryFn: ({ signal }) => call(api.GET('/healthz', { signal })),
  });
}
