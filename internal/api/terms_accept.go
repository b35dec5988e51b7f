package api

import (
	"net/http"
	"time"
)

type acceptanceJSON struct {
	UserID     string    `json:"user_id"`
	Name       string    `json:"name"`
	Email      string    `json:"email"`
	Version    int       `json:"version"`
	AcceptedAt time.Time `json:"accepted_at"`
	IP         string    `json:"ip"`
}

func (a *API) termsAcceptances(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	n, err := versionOf(r)
	if err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	got, err := acc.Terms.Acceptances(r.Context(), n, pg.limit, pg.cursor)
	if err != nil {
		return listError(err)
	}
	out := listJSON[acceptanceJSON]{Items: []acceptanceJSON{}, NextCursor: got.Cursor}
	for _, x := range got.Acceptances {
		out.Items = append(out.Items, acceptanceJSON{UserID: x.UserID, Name: x.Name,
			Email: x.Email, Version: x.Version, AcceptedAt: x.AcceptedAt.UTC(), IP: x.IP})
	}
	return WriteJSON(w, http.StatusOK, out)
}

type acceptRequest struct {
	Version int `json:"version"`
}

// acceptTerms records the acceptance and answers the terms state after it.
func (a *API) acceptTerms(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	var req acceptRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	if req.Version < 1 {
		return Invalid(FieldError{Field: "version", Message: "must be a version, from 1"})
	}
	if err := acc.Terms.Accept(r.Context(), p.User, req.Version, ClientIP(r)); err != nil {
		return err
	}
	p.User.TermsAccepted = max(p.User.TermsAccepted, req.Version)
	return WriteJSON(w, http.StatusOK, termsStateOf(p))
}
