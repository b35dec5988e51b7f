package api

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/org"
)

type membershipJSON struct {
	OrgID    string    `json:"org_id"`
	OrgName  string    `json:"org_name"`
	OrgKind  string    `json:"org_kind"`
	Role     string    `json:"role"`
	JoinedAt time.Time `json:"joined_at"`
}

type termsStateJSON struct {
	Current  *int `json:"current_version"`
	Accepted *int `json:"accepted_version"`
	Required bool `json:"required"`
}

type meJSON struct {
	User        userJSON         `json:"user"`
	Memberships []membershipJSON `json:"memberships"`
	Terms       termsStateJSON   `json:"terms"`
	VendorAdmin bool             `json:"vendor_admin"`
}

func termsStateOf(p *auth.Principal) termsStateJSON {
	return termsStateJSON{Current: orNull(p.TermsVersion), Accepted: orNull(p.User.TermsAccepted),
		Required: p.TermsRequired()}
}

// orNull is nil for 0 (none), so that JSON says null.
func orNull(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func (a *API) me(w http.ResponseWriter, r *http.Request) error {
	p, err := principal(r)
	if err != nil {
		return err
	}
	ms, err := a.memberships(r.Context(), p)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, meJSON{User: userOf(p.User), Memberships: ms,
		Terms: termsStateOf(p), VendorAdmin: p.IsVendorAdmin()})
}

// memberships are the principal's memberships with their organisations' names.
func (a *API) memberships(ctx context.Context, p *auth.Principal) ([]membershipJSON, error) {
	out := make([]membershipJSON, 0, len(p.Memberships))
	for _, m := range p.Memberships {
		o, err := org.Get(ctx, a.opts.Store, m.OrgID)
		if err != nil {
			return nil, fmt.Errorf("name memberships: %w", err)
		}
		out = append(out, membershipJSON{OrgID: m.OrgID, OrgName: o.Name, OrgKind: o.Kind,
			Role: m.Role, JoinedAt: m.JoinedAt.UTC()})
	}
	return out, nil
}

type profileRequest struct {
	Name string `json:"name"`
}

func (a *API) updateMe(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	var req profileRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	u, err := acc.Accounts.Rename(r.Context(), p.User, req.Name)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, userOf(u))
}
