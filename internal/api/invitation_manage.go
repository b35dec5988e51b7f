package api

import (
	"net/http"

	"github.com/licensorhq/licensor/internal/org"
)

func (a *API) revokeInvitation(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	inv, err := svc.Invitations.Revoke(r.Context(), p.User, r.PathValue("org"), r.PathValue("id"))
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, invitationOf(inv, svc.now()))
}

// resendInvitation resends under OrgInvite; an invitation with role admin asks the policy for
// OrgManageMembers too, as inviting one does.
func (a *API) resendInvitation(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	orgID, id := r.PathValue("org"), r.PathValue("id")
	inv, err := svc.Invitations.Get(r.Context(), orgID, id)
	if err != nil {
		return err
	}
	if inv.Role == org.RoleAdmin {
		if err := svc.Policy.AuthorizeOrg(r, OrgManageMembers, orgID); err != nil {
			return err
		}
	}
	if inv, err = svc.Invitations.Resend(r.Context(), orgID, id); err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, invitationOf(inv, svc.now()))
}
