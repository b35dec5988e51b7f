package api

import (
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/invitation"
	"github.com/licensorhq/licensor/internal/org"
)

type invitationJSON struct {
	ID         string     `json:"id"`
	Email      string     `json:"email"`
	Role       string     `json:"role"`
	State      string     `json:"state"`
	InvitedBy  orgRefJSON `json:"invited_by"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  time.Time  `json:"expires_at"`
	Sends      int        `json:"sends"`
	LastSentAt time.Time  `json:"last_sent_at"`
	EndedAt    *time.Time `json:"ended_at"`
}

func invitationOf(inv invitation.Invitation, now time.Time) invitationJSON {
	out := invitationJSON{ID: inv.ID, Email: inv.Email, Role: inv.Role,
		State: inv.StateAt(now), InvitedBy: orgRefJSON{ID: inv.InvitedBy, Name: inv.InviterName},
		CreatedAt: inv.CreatedAt.UTC(), ExpiresAt: inv.ExpiresAt.UTC(), Sends: inv.Sends,
		LastSentAt: inv.LastSentAt.UTC()}
	if !inv.EndedAt.IsZero() {
		at := inv.EndedAt.UTC()
		out.EndedAt = &at
	}
	return out
}

// now is the invitations' clock, which tells expired invitations.
func (svc *Orgs) now() time.Time {
	if svc.Invitations.Now != nil {
		return svc.Invitations.Now()
	}
	return time.Now()
}

func (a *API) listInvitations(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	got, cursor, err := svc.Invitations.List(r.Context(), r.PathValue("org"), pg.limit,
		pg.cursor)
	if err != nil {
		return listError(err)
	}
	out := listJSON[invitationJSON]{Items: []invitationJSON{}, NextCursor: cursor}
	for _, inv := range got {
		out.Items = append(out.Items, invitationOf(inv, svc.now()))
	}
	return WriteJSON(w, http.StatusOK, out)
}

type inviteRequest struct {
	Email string `json:"email"`
	Role  string `json:"role"`
}

type inviteResultJSON struct {
	Status     string          `json:"status"`
	Invitation *invitationJSON `json:"invitation,omitempty"`
	Member     *memberJSON     `json:"member,omitempty"`
}

// invite invites with role member under OrgInvite; role admin asks the policy for
// OrgManageMembers too.
func (a *API) invite(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	var req inviteRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	orgID := r.PathValue("org")
	if req.Role == "" {
		req.Role = org.RoleMember
	}
	if req.Role == org.RoleAdmin {
		if err := svc.Policy.AuthorizeOrg(r, OrgManageMembers, orgID); err != nil {
			return err
		}
	}
	res, err := svc.Invitations.Invite(r.Context(), p.User, orgID, req.Email, req.Role)
	if err != nil {
		return err
	}
	return a.writeInviteResult(w, r, svc, res)
}

func (a *API) writeInviteResult(w http.ResponseWriter, r *http.Request, svc *Orgs,
	res invitation.Result) error {
	out := inviteResultJSON{Status: res.Status}
	if res.Status == invitation.StatusAdded {
		m, err := a.memberOf(r, res.Member)
		if err != nil {
			return err
		}
		out.Member = &m
	} else {
		inv := invitationOf(res.Invitation, svc.now())
		out.Invitation = &inv
	}
	return WriteJSON(w, http.StatusCreated, out)
}
