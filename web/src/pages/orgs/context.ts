import { useOutletContext } from 'react-router';
import type { Membership, Org } from '../../api/orgTypes';
import type { Can } from './permissions';

/** OrgContext is what an organisation's page hands to its tabs. */
export interface OrgContext {
  org: Org;
  can: Can;
  /** memberships are the signed-in user's. */
  memberships: readonly Membership[];
  /** userId is the signed-in user's id. */
  userId: string;
}

/** useOrgContext is the organisation of the page around a tab. */
export function useOrgContext(): OrgContext {
  return useOutletContext<OrgContext>();
}
