package policy

import (
	"context"
	"net/http"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/store"
)

// LicenseOrg is the organisation of the license routes: the path's {org} when it names one
// (creating a license, suspending all of an organisation's), else the organisation of the
// license that the path's {id} names, read from the store. A malformed or unknown license id
// answers as an organisation out of reach: not_found.
func LicenseOrg(ctx context.Context, st store.Store, r *http.Request) (string, error) {
	if o := r.PathValue("org"); o != "" {
		return o, nil
	}
	lid := r.PathValue("id")
	if !id.Valid(id.License, lid) {
		return "", nil
	}
	l, err := (&license.Service{Store: st}).Get(ctx, lid)
	if err != nil {
		return "", err
	}
	return l.OrgID, nil
}
