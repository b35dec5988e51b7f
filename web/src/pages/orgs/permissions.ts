import type { Membership, Org } from '../../api/orgTypes';

/**
 * Standing is how the user stands towards an organisation O, as package policy of the server
 * names it: a member of O itself (own), of the distributor that manages client O (dist), of
 * the vendor with O another organisation (vendor), or of the vendor with O the vendor itself
 * (vendorOrg). None: O is out of reach.
 */
export type Standing =
  | 'ownMember'
  | 'ownAdmin'
  | 'distMember'
  | 'distAdmin'
  | 'vendorMember'
  | 'vendorAdmin'
  | 'vendorOrgMember'
  | 'vendorOrgAdmin';

/** Action is something the organisation's screens offer, each a row of the server's policy. */
export type Action =
  | 'view'
  | 'invite'
  | 'manageMembers'
  | 'edit'
  | 'move'
  | 'createClient'
  | 'createDistributor'
  | 'audit';

const everyone: Standing[] = [
  'ownMember',
  'ownAdmin',
  'distMember',
  'distAdmin',
  'vendorMember',
  'vendorAdmin',
  'vendorOrgMember',
  'vendorOrgAdmin',
];
const admins: Standing[] = [
  'ownAdmin',
  'distAdmin',
  'vendorMember',
  'vendorAdmin',
  'vendorOrgAdmin',
];
const staff: Standing[] = [...admins, 'distMember'];

interface Rule {
  allow: Standing[];
  kinds?: Org['kind'][];
}

/**
 * rules mirror the server's table (internal/policy, DESIGN.md "Who may do what"). The screens
 * use them only to offer what will be allowed; the server decides, and a refusal still shows.
 */
const rules: Record<Action, Rule> = {
  view: { allow: everyone },
  invite: { allow: everyone.filter((s) => s !== 'vendorOrgMember') },
  manageMembers: { allow: admins },
  edit: { allow: staff },
  move: { allow: ['vendorMember', 'vendorAdmin'], kinds: ['client'] },
  createClient: {
    allow: [
      'ownMember',
      'ownAdmin',
      'vendorMember',
      'vendorAdmin',
      'vendorOrgMember',
      'vendorOrgAdmin',
    ],
    kinds: ['distributor', 'vendor'],
  },
  createDistributor: { allow: ['vendorOrgAdmin'], kinds: ['vendor'] },
  audit: { allow: [...staff, 'vendorOrgMember'] },
};

/** standings returns how someone of these memberships stands towards org (none: out of reach). */
export function standings(memberships: readonly Membership[], org: Org): Standing[] {
  const out: Standing[] = [];
  for (const m of memberships) {
    const admin = m.role === 'admin';
    if (m.org_id === org.id && org.kind === 'vendor') {
      out.push(admin ? 'vendorOrgAdmin' : 'vendorOrgMember');
    } else if (m.org_id === org.id) out.push(admin ? 'ownAdmin' : 'ownMember');
    else if (m.org_kind === 'vendor') out.push(admin ? 'vendorAdmin' : 'vendorMember');
    else if (org.distributor !== null && m.org_id === org.distributor.id) {
      out.push(admin ? 'distAdmin' : 'distMember');
    }
  }
  return out;
}

/** may says whether someone of these memberships may take action on org. */
export function may(memberships: readonly Membership[], org: Org, action: Action): boolean {
  const rule = rules[action];
  if (rule.kinds !== undefined && !rule.kinds.includes(org.kind)) return false;
  return standings(memberships, org).some((s) => rule.allow.includes(s));
}

/** Can is every action's answer for one organisation. */
export type Can = Record<Action, boolean>;

/** canAll answers every action at once, for the screens of one organisation. */
export function canAll(memberships: readonly Membership[], org: Org): Can {
  const out = {} as Can;
  for (const action of Object.keys(rules) as Action[]) out[action] = may(memberships, org, action);
  return out;
}

/** vendorRole is the user's role in the vendor organisation, null when not its member. */
export function vendorRole(memberships: readonly Membership[]): Membership['role'] | null {
  return memberships.find((m) => m.org_kind === 'vendor')?.role ?? null;
}

/**
 * creatableKinds are the kinds of organisation the user may create: distributors for the
 * vendor's admins; clients for the vendor's staff and every distributor's staff.
 */
export function creatableKinds(memberships: readonly Membership[]): ('distributor' | 'client')[] {
  const vendor = vendorRole(memberships);
  const kinds: ('distributor' | 'client')[] = [];
  if (vendor === 'admin') kinds.push('distributor');
  if (vendor !== null || memberships.some((m) => m.org_kind === 'distributor'))
    kinds.push('client');
  return kinds;
}
