import type { ReactNode } from 'react';
import { isApiError } from '../../api/errors';
import type { Org } from '../../api/orgTypes';
import { useOrg } from '../../api/orgs';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';

interface OrgLoaderProps {
  id: string;
  /** children draws the screen once the organisation is loaded. */
  children: (org: Org) => ReactNode;
}

/**
 * OrgLoader loads an organisation for a screen of its licenses, showing the wait and the
 * failure; one out of reach reads as not found, as the server answers.
 */
export function OrgLoader({ id, children }: OrgLoaderProps) {
  const org = useOrg(id);
  if (org.isPending) return <PageLoader label="Loading the organisation" />;
  if (org.isError) {
    const missing = isApiError(org.error, 'not_found');
    return (
      <ErrorState
        title={missing ? 'No such organisation' : 'The organisation could not be loaded'}
        error={org.error}
        {...(!missing && { onRetry: () => void org.refetch(), retrying: org.isFetching })}
      />
    );
  }
  return children(org.data);
}
