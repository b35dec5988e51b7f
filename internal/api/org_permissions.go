package api

import "net/http"

// The permissions of the organisations part. Each one names a row of DESIGN.md's table "Who may
// do what"; package policy says who holds it on which organisation. Those that act on an
// organisation name it in the path ({org}) or, for the routes of later parts, through what the
// path names (a license, an invoice).
const (
	// VendorMember is held by any member of the vendor organisation: the audit log of all.
	VendorMember Permission = "vendor_member"
	// OrgView: see an organisation, its members, invitations, licenses, usage, invoices.
	OrgView Permission = "org_view"
	// OrgInvite: invite to an organisation with role member, resend such an invitation.
	OrgInvite Permission = "org_invite"
	// OrgManageMembers: invite with role admin, change roles, remove members, revoke
	// invitations.
	OrgManageMembers Permission = "org_manage_members"
	// OrgEdit: change an organisation's name, billing email, address and VAT number.
	OrgEdit Permission = "org_edit"
	// OrgMove: change the distributor that manages a client.
	OrgMove Permission = "org_move"
	// OrgCreateClient: create a client under an organisation (a distributor, or the vendor for
	// a client no distributor manages).
	OrgCreateClient Permission = "org_create_client"
	// OrgCreateDistributor: create a distributor (an action on the vendor organisation).
	OrgCreateDistributor Permission = "org_create_distributor"
	// OrgAudit: see an organisation's audit log.
	OrgAudit Permission = "org_audit"
	// LicenseKey: regenerate a license key of an organisation.
	LicenseKey Permission = "license_key"
	// LicenseManage: create or edit an organisation's licenses, suspend them.
	LicenseManage Permission = "license_manage"
	// InvoiceManage: register, edit and void invoices, upload PDFs, register payments.
	InvoiceManage Permission = "invoice_manage"
)

// OrgAuthorizer decides, for a handler, whether the caller holds a permission on an
// organisation that the path does not name (the distributor of a new client, the new
// distributor of a client). It answers as the route-level check does: not_found outside the
// caller's reach, forbidden inside it but above the caller's role. Package policy implements
// it; handlers never decide reach themselves.
type OrgAuthorizer interface {
	AuthorizeOrg(r *http.Request, p Permission, orgID string) error
}
