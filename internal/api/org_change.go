package api

import (
	"errors"
	"net/http"

	"github.com/licensorhq/licensor/internal/org"
)

// orgRequest is the body of a creation or a change; a field left out is left as it is.
type orgRequest struct {
	Name          *string `json:"name"`
	Kind          *string `json:"kind"`
	DistributorID *string `json:"distributor_id"`
	BillingEmail  *string `json:"billing_email"`
	Address       *string `json:"address"`
	VATID         *string `json:"vat_id"`
}

func (req orgRequest) input() org.Input {
	return org.Input{Name: req.Name, Kind: req.Kind, DistributorID: req.DistributorID,
		BillingEmail: req.BillingEmail, Address: req.Address, VATID: req.VATID}
}

// createOrg creates a distributor (an act on the vendor organisation) or a client (an act on
// its distributor, or on the vendor organisation for a client no distributor manages); the
// policy decides on that organisation.
func (a *API) createOrg(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	var req orgRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	if err := a.authorizeCreate(r, svc, req); err != nil {
		return err
	}
	o, err := svc.Orgs.Create(r.Context(), req.input())
	if err != nil {
		return err
	}
	j, err := a.orgOf(r, &orgNames{st: a.opts.Store}, o)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusCreated, j)
}

func (a *API) authorizeCreate(r *http.Request, svc *Orgs, req orgRequest) error {
	kind := ""
	if req.Kind != nil {
		kind = *req.Kind
	}
	if kind != org.KindDistributor && kind != org.KindClient {
		return Invalid(FieldError{Field: "kind", Message: "must be distributor or client"})
	}
	if kind == org.KindClient && req.DistributorID != nil && *req.DistributorID != "" {
		return svc.Policy.AuthorizeOrg(r, OrgCreateClient, *req.DistributorID)
	}
	v, err := org.Vendor(r.Context(), a.opts.Store)
	if err != nil {
		return err
	}
	p := OrgCreateClient
	if kind == org.KindDistributor {
		p = OrgCreateDistributor
	}
	err = svc.Policy.AuthorizeOrg(r, p, v.ID)
	var e *Error
	if errors.As(err, &e) && e.Code == CodeNotFound {
		// The caller named no organisation: the vendor's, out of their reach, is no secret.
		return Errorf(CodeForbidden, "only the vendor's staff create this")
	}
	return err
}

// updateOrg changes an organisation; a body that names distributor_id (to change it) asks the
// policy for OrgMove too: a client's distributor is the vendor's to change.
func (a *API) updateOrg(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	var req orgRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	id := r.PathValue("org")
	if req.DistributorID != nil {
		if err := svc.Policy.AuthorizeOrg(r, OrgMove, id); err != nil {
			return err
		}
	}
	o, err := svc.Orgs.Update(r.Context(), id, req.input())
	if err != nil {
		return err
	}
	j, err := a.orgOf(r, &orgNames{st: a.opts.Store}, o)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, j)
}
