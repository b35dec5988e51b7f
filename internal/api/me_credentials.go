package api

import (
	"net/http"

	"github.com/licensorhq/licensor/internal/auth"
)

type passwordChangeRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

func (a *API) changePassword(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	var req passwordChangeRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	err = acc.Accounts.ChangePassword(r.Context(), p.User, p.Session, req.CurrentPassword,
		req.NewPassword)
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type emailChangeRequest struct {
	NewEmail        string `json:"new_email"`
	CurrentPassword string `json:"current_password"`
}

func (a *API) requestEmailChange(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	var req emailChangeRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	err = acc.Accounts.RequestEmailChange(r.Context(), p.User, req.NewEmail, req.CurrentPassword)
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusAccepted)
	return nil
}

type tokenRequest struct {
	Token string `json:"token"`
}

// confirmEmailChange is public, the token being enough; when someone is signed in, the link
// must be theirs.
func (a *API) confirmEmailChange(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	var req tokenRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	signedIn := ""
	if p, _ := auth.From(r.Context()); p != nil {
		signedIn = p.User.ID
	}
	u, err := acc.Accounts.ConfirmEmailChange(r.Context(), req.Token, signedIn)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, map[string]string{"email": u.Email})
}
