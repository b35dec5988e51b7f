import type { ReactNode } from 'react';
import type { Org } from '../../api/orgTypes';
import { LicensesTab } from '../licenses/LicensesTab';
import { ActivityTab } from './ActivityTab';
import { InvitationsTab } from './InvitationsTab';
import { MembersTab } from './MembersTab';
import { OverviewTab } from './OverviewTab';
import type { Can } from './permissions';

/** OrgTab is one tab of an organisation's page. */
export interface OrgTab {
  /** path is the tab's segment after /orgs/{id}/; "" for the first tab. */
  path: string;
  label: string;
  /** shown says whether the tab is offered on this organisation to this user. */
  shown: (org: Org, can: Can) => boolean;
  element: ReactNode;
}

/**
 * orgTabs are the tabs of an organisation's page, in order; a later part (usage, invoices)
 * adds its entry here, and its route follows. Each tab reads the organisation and
 * what the user may do through useOrgContext.
 */
export const orgTabs: readonly OrgTab[] = [
  { path: '', label: 'Overview', shown: () => true, element: <OverviewTab /> },
  {
    path: 'licenses',
    label: 'Licenses',
    shown: (org) => org.kind !== 'vendor',
    element: <LicensesTab />,
  },
  { path: 'members', label: 'Members', shown: () => true, element: <MembersTab /> },
  { path: 'invitations', label: 'Invitations', shown: () => true, element: <InvitationsTab /> },
  { path: 'activity', label: 'Activity', shown: (_, can) => can.audit, element: <ActivityTab /> },
];
