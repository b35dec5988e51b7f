package api

import (
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/invitation"
	"github.com/licensorhq/licensor/internal/returnto"
)

type invitationPreviewJSON struct {
	Org struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Kind string `json:"kind"`
	} `json:"org"`
	Inviter struct {
		Name  string `json:"name"`
		Email string `json:"email"`
	} `json:"inviter"`
	Email        string    `json:"email"`
	Role         string    `json:"role"`
	ExpiresAt    time.Time `json:"expires_at"`
	HasAccount   bool      `json:"has_account"`
	TermsVersion *int      `json:"terms_version"`
}

// previewInvitation takes the token in the body: it comes from the link's fragment and must
// never be in a URL, where logs would keep it.
func (a *API) previewInvitation(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	var req tokenRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	p, err := svc.Invitations.Preview(r.Context(), req.Token)
	if err != nil {
		return err
	}
	var out invitationPreviewJSON
	out.Org.ID, out.Org.Name, out.Org.Kind = p.Org.ID, p.Org.Name, p.Org.Kind
	out.Inviter.Name, out.Inviter.Email = p.Invitation.InviterName, p.Invitation.InviterEmail
	out.Email, out.Role, out.ExpiresAt = p.Invitation.Email, p.Invitation.Role,
		p.Invitation.ExpiresAt.UTC()
	out.HasAccount, out.TermsVersion = p.HasAccount, orNull(p.TermsVersion)
	return WriteJSON(w, http.StatusOK, out)
}

type acceptInvitationRequest struct {
	Token        string `json:"token"`
	Name         string `json:"name"`
	Password     string `json:"password"`
	TermsVersion int    `json:"terms_version"`
}

type acceptInvitationJSON struct {
	// Status is "joined" (a new account, signed in) or "added" (an existing account joined;
	// sign in to use it).
	Status     string   `json:"status"`
	User       userJSON `json:"user"`
	RedirectTo string   `json:"redirect_to"`
}

func (a *API) acceptInvitation(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	var req acceptInvitationRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	var signedIn *account.User
	if p, _ := auth.From(r.Context()); p != nil {
		signedIn = &p.User
	}
	started, err := svc.Invitations.Accept(r.Context(), invitation.AcceptInput(req), signedIn,
		client(r))
	if err != nil {
		return err
	}
	out := acceptInvitationJSON{Status: "added", User: userOf(started.User),
		RedirectTo: returnto.Home}
	if started.Token != "" {
		out.Status = "joined"
		a.replaceSession(w, r, acc, started)
	}
	return WriteJSON(w, http.StatusOK, out)
}
