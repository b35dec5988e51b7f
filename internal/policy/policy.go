// Package policy decides who may do what: every permission of the route table (package api) is
// a row of Rules, which says what a caller must be to hold it. The server hands Authorize to
// api.Options.Authorize, so every request is checked against this one table before its handler
// runs; a permission without a row is refused (deny by default).
//
// The rows so far (the organisations part adds rows that name an organisation of the path and
// the roles and reach it needs, by adding fields to Rule):
//
//	permission     signed in  current terms accepted  vendor role
//	public         no         no                      -
//	signed_in      yes        no                      -
//	member         yes        yes                     -
//	vendor_admin   yes        yes                     admin
//
// "Current terms accepted" holds trivially while no terms are published. A signed-in user who
// is refused for their role is recorded in the audit log; an anonymous caller and a user who
// has yet to accept the terms are told so (unauthenticated, terms_required) without a record.
package policy

import (
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/org"
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
	// Summary says who holds the permission, for people.
	Summary string
}

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
}

// Lookup returns the rule of permission p.
func Lookup(p api.Permission) (Rule, bool) {
	for _, r := range Rules {
		if r.Permission == p {
			return r, true
		}
	}
	return Rule{}, false
}
