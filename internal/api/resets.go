package api

import "net/http"

type resetRequest struct {
	Email string `json:"email"`
}

// requestPasswordReset answers 202 whether or not the address has an account.
func (a *API) requestPasswordReset(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	var req resetRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	if err := acc.Accounts.RequestReset(r.Context(), req.Email); err != nil {
		return err
	}
	w.WriteHeader(http.StatusAccepted)
	return nil
}

type resetConfirmRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// confirmPasswordReset sets the password; it signs no one in.
func (a *API) confirmPasswordReset(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	var req resetConfirmRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	if err := acc.Accounts.ConfirmReset(r.Context(), req.Token, req.Password); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
