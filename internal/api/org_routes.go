package api

import (
	"net/http"
	"slices"
	"time"

	"github.com/licensorhq/licensor/internal/org"
)

type orgRefJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type orgJSON struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	Kind         string      `json:"kind"`
	Distributor  *orgRefJSON `json:"distributor"`
	BillingEmail string      `json:"billing_email"`
	Address      string      `json:"address"`
	VATID        string      `json:"vat_id"`
	CreatedAt    time.Time   `json:"created_at"`
	UpdatedAt    *time.Time  `json:"updated_at"`
}

func (a *API) orgOf(r *http.Request, names *orgNames, o org.Org) (orgJSON, error) {
	out := orgJSON{ID: o.ID, Name: o.Name, Kind: o.Kind, BillingEmail: o.BillingEmail,
		Address: o.Address, VATID: o.VATID, CreatedAt: o.CreatedAt.UTC()}
	if !o.UpdatedAt.IsZero() {
		at := o.UpdatedAt.UTC()
		out.UpdatedAt = &at
	}
	if o.DistributorID != "" {
		name, err := names.name(r.Context(), o.DistributorID)
		if err != nil {
			return orgJSON{}, err
		}
		out.Distributor = &orgRefJSON{ID: o.DistributorID, Name: name}
	}
	return out, nil
}

var orgKinds = []string{org.KindVendor, org.KindDistributor, org.KindClient}

func (a *API) listOrgs(w http.ResponseWriter, r *http.Request) error {
	reach, _, err := reachOf(r)
	if err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	f := org.Filter{Search: r.URL.Query().Get("q"), Kind: r.URL.Query().Get("kind"),
		Limit: pg.limit, Cursor: pg.cursor}
	if f.Kind != "" && !slices.Contains(orgKinds, f.Kind) {
		return Invalid(FieldError{Field: "kind", Message: "must be vendor, distributor or client"})
	}
	got, err := org.List(r.Context(), a.opts.Store, reach, f)
	if err != nil {
		return listError(err)
	}
	out := listJSON[orgJSON]{Items: []orgJSON{}, NextCursor: got.Cursor}
	names := &orgNames{st: a.opts.Store}
	for _, o := range got.Orgs {
		j, err := a.orgOf(r, names, o)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, j)
	}
	return WriteJSON(w, http.StatusOK, out)
}

func (a *API) getOrg(w http.ResponseWriter, r *http.Request) error {
	o, err := org.Get(r.Context(), a.opts.Store, r.PathValue("org"))
	if err != nil {
		return err
	}
	j, err := a.orgOf(r, &orgNames{st: a.opts.Store}, o)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, j)
}
