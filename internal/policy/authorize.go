package policy

import (
	"context"
	"errors"
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
	// Store is where organisations are read and the audit events of refusals written.
	Store  store.Store
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Authorize returns nil when the request's principal holds permission p, and otherwise the
// error to answer: unauthenticated, terms_required, not_found or forbidden.
func (pol *Policy) Authorize(r *http.Request, p api.Permission) error {
	rule, who, err := pol.admit(r, p)
	if err != nil || who == nil {
		return err
	}
	switch {
	case rule.VendorRole != "" && who.VendorRole() != rule.VendorRole:
		pol.refused(r, p, "")
		return api.Errorf(api.CodeForbidden, "this needs the %s role in the vendor organisation",
			rule.VendorRole)
	case rule.Vendor && who.VendorRole() == "":
		pol.refused(r, p, "")
		return api.Errorf(api.CodeForbidden, "this is for the vendor's staff")
	case rule.Org != nil:
		orgID, err := rule.Org(r.Context(), pol.Store, r)
		if errors.Is(err, store.ErrNotFound) {
			orgID = "" // answered as an organisation out of reach
		} else if err != nil {
			return err
		}
		return pol.decide(r, who, rule, orgID)
	}
	return nil
}

// AuthorizeOrg returns nil when the request's principal holds permission p on organisation
// orgID, which the handler found in the request's body; else the error to answer, as Authorize.
func (pol *Policy) AuthorizeOrg(r *http.Request, p api.Permission, orgID string) error {
	rule, who, err := pol.admit(r, p)
	if err != nil {
		return err
	}
	if who == nil || rule.Org == nil {
		return api.Errorf(api.CodeForbidden, "not allowed") // not a permission on organisations
	}
	return pol.decide(r, who, rule, orgID)
}

// admit checks what every rule checks: a row exists, and a signed-in user who accepted the
// terms when the row asks for them. A nil principal without error means a public row.
func (pol *Policy) admit(r *http.Request, p api.Permission) (Rule, *auth.Principal, error) {
	rule, ok := Lookup(p)
	if !ok {
		return Rule{}, nil, api.Errorf(api.CodeForbidden, "not allowed") // deny by default
	}
	if !rule.SignedIn {
		return rule, nil, nil
	}
	who, err := auth.From(r.Context())
	if err != nil {
		return Rule{}, nil, err
	}
	if who == nil {
		return Rule{}, nil, api.Errorf(api.CodeUnauthenticated, "sign in first")
	}
	if rule.Terms && who.TermsRequired() {
		return Rule{}, nil, api.Errorf(api.CodeTermsRequired,
			"accept the current terms (version %d) first", who.TermsVersion)
	}
	return rule, who, nil
}

// refused records a refusal in the audit log, in orgID's log ("" for the global one). A
// failure to record is logged, not answered: the request is refused either way.
func (pol *Policy) refused(r *http.Request, p api.Permission, orgID string, details ...any) {
	ctx := r.Context()
	e := audit.New(ctx, pol.now(), audit.AuthorizationRefused)
	e.Outcome, e.OrgID = audit.Denied, orgID
	e.Target = api.RoutePattern(ctx) // never the path, which may hold a token
	e.Details = map[string]any{"permission": string(p)}
	for i := 0; i+1 < len(details); i += 2 {
		e.Details[details[i].(string)] = details[i+1]
	}
	if err := audit.Record(context.WithoutCancel(ctx), pol.Store, e); err != nil &&
		pol.Logger != nil {
		pol.Logger.WarnContext(ctx, "record refused authorization", "error", err)
	}
}

func (pol *Policy) now() time.Time {
	if pol.Now != nil {
		return pol.Now()
	}
	return time.Now()
}

// errNotFound is the answer for an organisation outside the caller's reach: byte for byte the
// answer for one that does not exist (store.ErrNotFound answered by package api).
var errNotFound = &api.Error{Code: api.CodeNotFound, Detail: "no such resource",
	Err: errors.New("policy: not reached")}
