import type { OrgKind, Role } from '../../api/orgTypes';

/** kindLabel names a kind of organisation for people. */
export const kindLabel: Record<OrgKind, string> = {
  vendor: 'Vendor',
  distributor: 'Distributor',
  client: 'Client',
};

/** roleLabel names a role for people. */
export const roleLabel: Record<Role, string> = { admin: 'Admin', member: 'Member' };

/** orgPath is the address of an organisation's page, or of one of its tabs. */
export function orgPath(id: string, tab?: string): string {
  const base = `/orgs/${encodeURIComponent(id)}`;
  return tab === undefined || tab === '' ? base : `${base}/${tab}`;
}
