package policy

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/store"
)

// Policy applies Rules to requests.
type Policy struct {
	// Store receives the audit events of refusals.
	Store  store.Store
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Authorize returns nil when the request's principal holds permission p, and otherwise the
// error to answer: unauthenticated, terms_required or forbidden.
func (pol *Policy) Authorize(r *http.Request, p api.Permission) error {
	rule, ok := Lookup(p)
	if !ok {
		return api.Errorf(api.CodeForbidden, "not allowed") // a permission without a rule
	}
	if !rule.SignedIn {
		return nil
	}
	who, err := auth.From(r.Context())
	if err != nil {
		return err
	}
	if who == nil {
		return api.Errorf(api.CodeUnauthenticated, "sign in first")
	}
	if rule.Terms && who.TermsRequired() {
		return api.Errorf(api.CodeTermsRequired,
			"accept the current terms (version %d) first", who.TermsVersion)
	}
	if rule.VendorRole != "" && who.VendorRole() != rule.VendorRole {
		pol.refused(r.Context(), r, p)
		return api.Errorf(api.CodeForbidden, "this needs the %s role in the vendor organisation",
			rule.VendorRole)
	}
	return nil
}

// refused records a refusal in the audit log. A failure to record is logged, not answered: the
// request is refused either way.
func (pol *Policy) refused(ctx context.Context, r *http.Request, p api.Permission) {
	now := time.Now
	if pol.Now != nil {
		now = pol.Now
	}
	e := audit.New(ctx, now(), audit.AuthorizationRefused)
	e.Outcome = audit.Denied
	e.Target = api.RoutePattern(ctx) // never the path, which may hold a token
	e.Details = map[string]any{"permission": string(p)}
	if err := audit.Record(ctx, pol.Store, e); err != nil && pol.Logger != nil {
		pol.Logger.WarnContext(ctx, "record refused authorization", "error", err)
	}
}
