// Package policy decides who may do what: every permission of the route table (package api) is
// a row of Rules, which says what a caller must be to hold it. The server hands Authorize to
// api.Options.Authorize, so every request is checked against this one table before its handler
// runs; a permission without a row is refused (deny by default). Handlers that must check a
// permission on an organisation the path does not name ask AuthorizeOrg; handlers never decide
// reach themselves. docs/access.md describes the table for people.
//
// A row either asks for a role in the vendor organisation (VendorRole, Vendor), or names where
// the organisation O of the request comes from (Org: the path's {org}, or an object of the path
// that belongs to an organisation) and lists the columns of DESIGN.md's table "Who may do what"
// that hold it (Allow). The caller's standing towards O is one or more of:
//
//	own member, own admin     a member of O itself (the table's client columns; on a
//	                          distributor O, its own staff, "the vendor in the distributor's place")
//	dist member, dist admin   a member of the distributor that manages client O
//	vendor member, vendor admin  a member of the vendor organisation, O being another one
//	vendor org member, vendor org admin  a member of the vendor organisation, O being it
//
// A caller with no standing towards O does not reach it: the answer is not_found, the same as
// for an organisation that does not exist. A caller who reaches O without an allowed standing
// is refused with forbidden. Both refusals are recorded in the audit log (in O's log when O
// exists and is reached, else in the global one); an anonymous caller and a user who has yet to
// accept the terms are told so (unauthenticated, terms_required) without a record.
package policy

import (
	"slices"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/org"
)

// Column is a standing of the caller towards the organisation of a request.
type Column string

// The columns.
const (
	OwnMember       Column = "own member"
	OwnAdmin        Column = "own admin"
	DistMember      Column = "dist member"
	DistAdmin       Column = "dist admin"
	VendorMember    Column = "vendor member"
	VendorAdmin     Column = "vendor admin"
	VendorOrgMember Column = "vendor org member"
	VendorOrgAdmin  Column = "vendor org admin"
)

// Rule is what a permission requires.
type Rule struct {
	Permission api.Permission
	// SignedIn requires a signed-in user.
	SignedIn bool
	// Terms requires that the user accepted the current terms.
	Terms bool
	// VendorRole, when set, requires that role in the vendor organisation.
	VendorRole string
	// Vendor requires a membership of the vendor organisation, with any role.
	Vendor bool
	// Org, when set, says which organisation the request acts on; the caller must reach it
	// and stand towards it in one of the Allow columns.
	Org   OrgSource
	Allow []Column
	// Kinds, when set, are the kinds of organisation the permission applies to; on others it
	// is refused (a client cannot have clients).
	Kinds []string
	// Summary says who holds the permission, for people.
	Summary string
}

// Column sets of the table's rows.
var (
	everyone = []Column{OwnMember, OwnAdmin, DistMember, DistAdmin, VendorMember, VendorAdmin,
		VendorOrgMember, VendorOrgAdmin}
	admins = []Column{OwnAdmin, DistAdmin, VendorMember, VendorAdmin, VendorOrgAdmin}
	// staff are the admins, and every member of the managing distributor.
	staff = []Column{OwnAdmin, DistMember, DistAdmin, VendorMember, VendorAdmin, VendorOrgAdmin}
	// managers are the distributor's and the vendor's staff: not the organisation's own
	// members, except on the vendor organisation, where its admins.
	managers = []Column{DistMember, DistAdmin, VendorMember, VendorAdmin, VendorOrgAdmin}
)

// Rules is the permissions table.
var Rules = []Rule{
	{Permission: api.Public,
		Summary: "anyone, signed in or not"},
	{Permission: api.SignedIn, SignedIn: true,
		Summary: "any signed-in user, terms accepted or not: sign-out, GET /me, accepting terms"},
	{Permission: api.Member, SignedIn: true, Terms: true,
		Summary: "a signed-in user who accepted the current terms"},
	{Permission: api.VendorAdmin, SignedIn: true, Terms: true, VendorRole: org.RoleAdmin,
		Summary: "an admin of the vendor organisation: publishes terms, sees acceptances"},
	{Permission: api.VendorMember, SignedIn: true, Terms: true, Vendor: true,
		Summary: "any member of the vendor organisation: the audit log of all"},
	{Permission: api.OrgView, SignedIn: true, Terms: true, Org: PathOrg, Allow: everyone,
		Summary: "everyone who reaches O: see it, its members, licenses, usage, invoices"},
	{Permission: api.OrgInvite, SignedIn: true, Terms: true, Org: PathOrg,
		Allow: slices.DeleteFunc(slices.Clone(everyone), isColumn(VendorOrgMember)),
		Summary: "everyone who reaches O (on the vendor organisation its admins): " +
			"invite with role member"},
	{Permission: api.OrgManageMembers, SignedIn: true, Terms: true, Org: PathOrg, Allow: admins,
		Summary: "O's admins, the managing distributor's admins, the vendor's staff: invite " +
			"admins, change roles, remove members, revoke invitations"},
	{Permission: api.OrgEdit, SignedIn: true, Terms: true, Org: PathOrg, Allow: staff,
		Summary: "O's admins, the managing distributor's and the vendor's staff: edit O"},
	{Permission: api.OrgMove, SignedIn: true, Terms: true, Org: PathOrg,
		Allow: []Column{VendorMember, VendorAdmin}, Kinds: []string{org.KindClient},
		Summary: "the vendor's staff: change the distributor of a client"},
	{Permission: api.OrgCreateClient, SignedIn: true, Terms: true, Org: PathOrg,
		Allow: []Column{OwnMember, OwnAdmin, VendorMember, VendorAdmin, VendorOrgMember,
			VendorOrgAdmin}, Kinds: []string{org.KindDistributor, org.KindVendor},
		Summary: "a distributor's staff and the vendor's: create a client of O"},
	{Permission: api.OrgCreateDistributor, SignedIn: true, Terms: true, Org: PathOrg,
		Allow: []Column{VendorOrgAdmin}, Kinds: []string{org.KindVendor},
		Summary: "the vendor's admins: create a distributor"},
	{Permission: api.OrgAudit, SignedIn: true, Terms: true, Org: PathOrg,
		Allow:   append(slices.Clone(staff), VendorOrgMember),
		Summary: "O's admins, the managing distributor's and the vendor's staff: O's audit log"},
	{Permission: api.LicenseView, SignedIn: true, Terms: true, Org: LicenseOrg, Allow: everyone,
		Summary: "everyone who reaches the license's organisation: see the license"},
	{Permission: api.LicenseKey, SignedIn: true, Terms: true, Org: LicenseOrg, Allow: staff,
		Summary: "O's admins, the managing distributor's and the vendor's staff: " +
			"regenerate a license key"},
	{Permission: api.LicenseManage, SignedIn: true, Terms: true, Org: LicenseOrg, Allow: managers,
		Summary: "the managing distributor's and the vendor's staff: create, edit, suspend " +
			"licenses"},
	{Permission: api.InvoiceManage, SignedIn: true, Terms: true, Org: PathOrg, Allow: managers,
		Summary: "the managing distributor's and the vendor's staff: invoices, PDFs, payments"},
}

func isColumn(c Column) func(Column) bool { return func(x Column) bool { return x == c } }

// Lookup returns the rule of permission p.
func Lookup(p api.Permission) (Rule, bool) {
	for _, r := range Rules {
		if r.Permission == p {
			return r, true
		}
	}
	return Rule{}, false
}

// Allows reports whether a caller of standings holds the rule on an organisation of kind.
func (r Rule) Allows(standings []Column, kind string) bool {
	if len(r.Kinds) > 0 && !slices.Contains(r.Kinds, kind) {
		return false
	}
	return slices.ContainsFunc(standings, func(c Column) bool { return slices.Contains(r.Allow, c) })
}
