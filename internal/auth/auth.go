// Package auth finds out who sends each request. Its middleware reads the session cookie, loads
// the session, its user, the user's memberships and the current terms version on every request
// (so a removed membership, an ended session or newly published terms take effect at the next
// request), and puts the result, a Principal, in the request's context. Package policy then
// decides what the principal may do; handlers read it with From.
//
// A request without a cookie, or whose cookie names no valid session, is anonymous: From returns
// nil. A store failure while loading is kept in the context too, so that routes that need a
// principal fail with it (a 500) while public routes still answer.
package auth

import (
	"context"
	"slices"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/session"
)

// Principal is a signed-in user as one request sees them.
type Principal struct {
	User    account.User
	Session session.Session
	// Memberships are the user's organisations and roles.
	Memberships []org.Membership
	// TermsVersion is the current version of the terms; 0 while none is published.
	TermsVersion int
}

// TermsRequired reports whether the user must accept the current terms before anything else.
// While no version is published, nothing is required.
func (p *Principal) TermsRequired() bool {
	return p.TermsVersion > 0 && p.User.TermsAccepted < p.TermsVersion
}

// Role returns the user's role in organisation orgID, "" when not a member.
func (p *Principal) Role(orgID string) string {
	i := slices.IndexFunc(p.Memberships, func(m org.Membership) bool { return m.OrgID == orgID })
	if i < 0 {
		return ""
	}
	return p.Memberships[i].Role
}

// VendorRole returns the user's role in the vendor organisation, "" when not a member.
func (p *Principal) VendorRole() string {
	for _, m := range p.Memberships {
		if m.OrgKind == org.KindVendor {
			return m.Role
		}
	}
	return ""
}

// IsVendorAdmin reports whether the user is an admin of the vendor organisation.
func (p *Principal) IsVendorAdmin() bool { return p.VendorRole() == org.RoleAdmin }

// state is what the middleware found: a principal, nothing (anonymous), or a failure.
type state struct {
	p   *Principal
	err error
}

type stateKey struct{}

// WithPrincipal returns ctx carrying p (nil: anonymous). Tests and the middleware use it.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, stateKey{}, state{p: p})
}

func withError(ctx context.Context, err error) context.Context {
	return context.WithValue(ctx, stateKey{}, state{err: err})
}

// From returns the principal of ctx: nil for an anonymous request, and the error that kept the
// middleware from loading it, if any.
func From(ctx context.Context) (*Principal, error) {
	st, _ := ctx.Value(stateKey{}).(state)
	return st.p, st.err
}
