package api

import (
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/returnto"
	"github.com/licensorhq/licensor/internal/setup"
)

type setupPreviewJSON struct {
	Kind      string    `json:"kind"`
	Email     string    `json:"email,omitempty"`
	Name      string    `json:"name,omitempty"`
	ExpiresAt time.Time `json:"expires_at"`
}

// previewSetup takes the token in the body: it comes from the link's fragment and must never
// be in a URL, where logs would keep it.
func (a *API) previewSetup(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	var req tokenRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	p, err := acc.Setup.Preview(r.Context(), req.Token)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, setupPreviewJSON{Kind: p.Kind, Email: p.Email,
		Name: p.Name, ExpiresAt: p.ExpiresAt.UTC()})
}

type setupRequest struct {
	Token    string `json:"token"`
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"password"`
}

func (a *API) completeSetup(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	var req setupRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	started, err := acc.Setup.Complete(r.Context(), setup.Input(req), client(r))
	if err != nil {
		return err
	}
	a.replaceSession(w, r, acc, started)
	return WriteJSON(w, http.StatusOK, signInResult{User: userOf(started.User),
		RedirectTo: returnto.Home})
}
