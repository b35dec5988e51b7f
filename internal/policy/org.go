package policy

import (
	"context"
	"errors"
	"net/http"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// OrgSource finds the organisation a request acts on. It returns "" (or an error wrapping
// store.ErrNotFound) when the path names nothing that exists, which is answered as an
// organisation outside the caller's reach.
type OrgSource func(ctx context.Context, st store.Store, r *http.Request) (string, error)

// PathOrg is the organisation that the path parameter {org} names.
func PathOrg(_ context.Context, _ store.Store, r *http.Request) (string, error) {
	return r.PathValue("org"), nil
}

// decide answers whether who holds rule on organisation orgID: not_found when orgID is not
// reached (or does not exist), forbidden when reached without an allowed standing.
func (pol *Policy) decide(r *http.Request, who *auth.Principal, rule Rule, orgID string) error {
	o, err := pol.load(r.Context(), orgID)
	if err != nil {
		return err
	}
	cols := Standings(who, o)
	if len(cols) == 0 {
		pol.refused(r, rule.Permission, "", "org_id", orgID, "reached", false)
		return errNotFound
	}
	if !rule.Allows(cols, o.Kind) {
		pol.refused(r, rule.Permission, o.ID)
		return api.Errorf(api.CodeForbidden, "your role in this organisation does not allow this")
	}
	return nil
}

// load reads organisation orgID; one that does not exist is the zero Org, reached by no one.
func (pol *Policy) load(ctx context.Context, orgID string) (org.Org, error) {
	if orgID == "" {
		return org.Org{}, nil
	}
	o, err := org.Get(ctx, pol.Store, orgID)
	if errors.Is(err, store.ErrNotFound) {
		return org.Org{}, nil
	}
	return o, err
}

// Standings returns who's standings towards organisation o (none: o is not reached).
func Standings(who *auth.Principal, o org.Org) []Column {
	if o.ID == "" {
		return nil
	}
	var out []Column
	for _, m := range who.Memberships {
		admin := m.Role == org.RoleAdmin
		switch {
		case m.OrgID == o.ID && o.Kind == org.KindVendor:
			out = append(out, pick(admin, VendorOrgAdmin, VendorOrgMember))
		case m.OrgID == o.ID:
			out = append(out, pick(admin, OwnAdmin, OwnMember))
		case m.OrgKind == org.KindVendor:
			out = append(out, pick(admin, VendorAdmin, VendorMember))
		case o.DistributorID != "" && m.OrgID == o.DistributorID:
			out = append(out, pick(admin, DistAdmin, DistMember))
		}
	}
	return out
}

func pick(admin bool, a, m Column) Column {
	if admin {
		return a
	}
	return m
}
