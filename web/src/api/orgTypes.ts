import type { components } from './schema';

type Schemas = components['schemas'];

/** Org is an organisation as the API shows it, with the distributor that manages a client. */
export type Org = Schemas['Org'];
/** OrgKind is vendor, distributor or client. */
export type OrgKind = Schemas['OrgKind'];
/** OrgCreate is the body that creates a distributor or a client. */
export type OrgCreate = Schemas['OrgCreate'];
/** OrgUpdate is the body that changes an organisation; fields left out stay. */
export type OrgUpdate = Schemas['OrgUpdate'];
/** Membership is one organisation of the signed-in user, with the user's role in it. */
export type Membership = Schemas['Membership'];
/** Role is a member's role in an organisation. */
export type Role = Membership['role'];
/** Member is one member of an organisation. */
export type Member = Schemas['Member'];
/** Invitation is one invitation into an organisation, with its state. */
export type Invitation = Schemas['Invitation'];
/** InvitationPreview says what an invitation link invites to. */
export type InvitationPreview = Schemas['InvitationPreview'];
/** InviteResult says whether an invitation was mailed or its address joined at once. */
export type InviteResult = Schemas['InviteResult'];
/** AuditEvent is one event of an audit log. */
export type AuditEvent = Schemas['Event'];
