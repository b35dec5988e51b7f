package api

import (
	"net/http"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/returnto"
)

type signInRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	ReturnTo string `json:"return_to"`
}

type signInResult struct {
	User       userJSON `json:"user"`
	RedirectTo string   `json:"redirect_to"`
}

// signIn checks the credentials and sets the session cookie. A return_to that is not safe is
// refused before anything else happens, so that the UI can say why; redirect_to is "/" when no
// return_to is given.
func (a *API) signIn(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	var req signInRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	redirect, err := acc.redirect(req)
	if err != nil {
		return err
	}
	started, err := acc.Accounts.SignIn(r.Context(), req.Email, req.Password, client(r))
	if err != nil {
		return err
	}
	a.replaceSession(w, r, acc, started)
	return WriteJSON(w, http.StatusOK, signInResult{User: userOf(started.User),
		RedirectTo: redirect})
}

func (acc *Accounts) redirect(req signInRequest) (string, error) {
	var fields []FieldError
	if req.Email == "" {
		fields = append(fields, FieldError{Field: "email", Message: "is required"})
	}
	if req.Password == "" {
		fields = append(fields, FieldError{Field: "password", Message: "is required"})
	}
	redirect := returnto.Home
	if req.ReturnTo != "" {
		safe, ok := returnto.Safe(req.ReturnTo, acc.ReturnURLs)
		if !ok {
			fields = append(fields, FieldError{Field: "return_to",
				Message: "is neither a page of this portal nor a site it may return to"})
		}
		redirect = safe
	}
	if len(fields) > 0 {
		return "", Invalid(fields...)
	}
	return redirect, nil
}

// replaceSession sets the cookie of a new session, ending the browser's previous session if it
// had one: a browser holds one session at a time.
func (a *API) replaceSession(w http.ResponseWriter, r *http.Request, acc *Accounts,
	started account.Started) {
	if old, _ := auth.From(r.Context()); old != nil {
		if err := acc.Accounts.SignOut(r.Context(), old.Session); err != nil {
			a.log.WarnContext(r.Context(), "end the previous session", "error", err)
		}
	}
	acc.Cookie.Set(w, started.Token)
}

func (a *API) signOut(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	if err := acc.Accounts.SignOut(r.Context(), p.Session); err != nil {
		return err
	}
	acc.Cookie.Clear(w)
	w.WriteHeader(http.StatusNoContent)
	return nil
}
