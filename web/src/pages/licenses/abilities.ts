import type { Membership, Org } from '../../api/orgTypes';
import { standings, type Standing } from '../orgs/permissions';

/** LicenseAbilities say what the license screens offer someone on one organisation's licenses. */
export interface LicenseAbilities {
  /** manage: create and edit licenses, suspend and reinstate them. */
  manage: boolean;
  /** regenerate: replace a license's key. */
  regenerate: boolean;
}

// The rows license_manage and license_key of the server's policy (internal/policy): managers
// are the distributor's and the vendor's staff, not the organisation's own members (except on
// the vendor organisation, its admins); a key may also be replaced by the organisation's admins.
const managers: Standing[] = [
  'distMember',
  'distAdmin',
  'vendorMember',
  'vendorAdmin',
  'vendorOrgAdmin',
];
const keyHolders: Standing[] = [...managers, 'ownAdmin'];

/**
 * licenseAbilities answers what someone of these memberships may do with org's licenses. The
 * screens only offer what will be allowed; the server decides, and a refusal still shows.
 */
export function licenseAbilities(memberships: readonly Membership[], org: Org): LicenseAbilities {
  const mine = standings(memberships, org);
  return {
    manage: mine.some((s) => managers.includes(s)),
    regenerate: mine.some((s) => keyHolders.includes(s)),
  };
}
