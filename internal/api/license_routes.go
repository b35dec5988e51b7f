package api

import (
	"net/http"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/licensekey"
)

// listLicenses answers the licenses of the organisation {org}, oldest first.
func (a *API) listLicenses(w http.ResponseWriter, r *http.Request) error {
	l, err := a.licenses()
	if err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	page, err := l.Licenses.List(r.Context(), r.PathValue("org"), pg.limit, pg.cursor)
	if err != nil {
		return listError(err)
	}
	out := listJSON[licenseJSON]{Items: make([]licenseJSON, 0, len(page.Licenses)),
		NextCursor: page.Cursor}
	for _, lic := range page.Licenses {
		out.Items = append(out.Items, licenseOf(lic))
	}
	return WriteJSON(w, http.StatusOK, out)
}

// createLicense makes a license of {org}; the answer shows its key, this once.
func (a *API) createLicense(w http.ResponseWriter, r *http.Request) error {
	l, err := a.licenses()
	if err != nil {
		return err
	}
	var in licenseCreateJSON
	if err := DecodeJSON(r, &in); err != nil {
		return err
	}
	terms, err := in.terms()
	if err != nil {
		return err
	}
	lic, key, err := l.Licenses.Create(r.Context(), r.PathValue("org"), terms)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/licenses/"+lic.ID)
	return a.writeLicenseWithKey(w, r, http.StatusCreated, lic, key)
}

// licenseID returns the {id} of the path when it can name a license; any other is not found.
func licenseID(r *http.Request) (string, error) {
	lid := r.PathValue("id")
	if !id.Valid(id.License, lid) {
		return "", license.ErrNotFound
	}
	return lid, nil
}

// getLicense answers one license, without its key.
func (a *API) getLicense(w http.ResponseWriter, r *http.Request) error {
	l, err := a.licenses()
	if err != nil {
		return err
	}
	lid, err := licenseID(r)
	if err != nil {
		return err
	}
	lic, err := l.Licenses.Get(r.Context(), lid)
	if err != nil {
		return err
	}
	return a.writeNamedLicense(w, r, lic)
}

// writeNamedLicense answers lic with the names of who created and last changed it.
func (a *API) writeNamedLicense(w http.ResponseWriter, r *http.Request,
	lic license.License) error {
	j, err := a.namedLicense(r, lic)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, j)
}

// writeLicenseWithKey answers lic, named, with the key shown this once.
func (a *API) writeLicenseWithKey(w http.ResponseWriter, r *http.Request, status int,
	lic license.License, key licensekey.Key) error {
	j, err := a.namedLicense(r, lic)
	if err != nil {
		return err
	}
	return WriteJSON(w, status, licenseWithKeyJSON{j, key.Reveal()})
}

// namedLicense is lic as the API shows it, with the names of who created and last changed it.
func (a *API) namedLicense(r *http.Request, lic license.License) (licenseJSON, error) {
	j, names := licenseOf(lic), map[string]string{}
	var err error
	if j.CreatedByName, err = a.userName(r, names, lic.CreatedBy); err != nil {
		return licenseJSON{}, err
	}
	j.UpdatedByName, err = a.userName(r, names, lic.UpdatedBy)
	return j, err
}

// updateLicense changes a license's terms or status.
func (a *API) updateLicense(w http.ResponseWriter, r *http.Request) error {
	l, err := a.licenses()
	if err != nil {
		return err
	}
	lid, err := licenseID(r)
	if err != nil {
		return err
	}
	var in licensePatchJSON
	if err := DecodeJSON(r, &in); err != nil {
		return err
	}
	lic, err := l.Licenses.Update(r.Context(), lid, in.patch())
	if err != nil {
		return err
	}
	return a.writeNamedLicense(w, r, lic)
}

// regenerateLicenseKey gives a license a new key, shown this once; the old one stops working.
func (a *API) regenerateLicenseKey(w http.ResponseWriter, r *http.Request) error {
	l, err := a.licenses()
	if err != nil {
		return err
	}
	lid, err := licenseID(r)
	if err != nil {
		return err
	}
	lic, key, err := l.Licenses.Regenerate(r.Context(), lid)
	if err != nil {
		return err
	}
	return a.writeLicenseWithKey(w, r, http.StatusOK, lic, key)
}

// suspensionJSON is the answer of suspending or reinstating all of an organisation's licenses.
type suspensionJSON struct {
	Suspended bool `json:"suspended"`
	// Changed counts the licenses whose validation answer changed.
	Changed int `json:"changed"`
}

// suspendOrgLicenses suspends every license of {org}, and those it gets later until reinstated.
func (a *API) suspendOrgLicenses(w http.ResponseWriter, r *http.Request) error {
	return a.setOrgSuspension(w, r, true)
}

// reinstateOrgLicenses ends the suspension of {org}'s licenses; those suspended on their own
// stay suspended.
func (a *API) reinstateOrgLicenses(w http.ResponseWriter, r *http.Request) error {
	return a.setOrgSuspension(w, r, false)
}

func (a *API) setOrgSuspension(w http.ResponseWriter, r *http.Request, suspended bool) error {
	l, err := a.licenses()
	if err != nil {
		return err
	}
	n, err := l.Licenses.SuspendOrg(r.Context(), r.PathValue("org"), suspended)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, suspensionJSON{Suspended: suspended, Changed: n})
}
