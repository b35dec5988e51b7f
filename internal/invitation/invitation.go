// Package invitation invites people into organisations. An address without an account gets a
// mail with a link (package linktoken, purpose invitation, valid 7 days) to /invitation, the
// token in the fragment; there the person sees who invited them to which organisation, sets
// their name and password, accepts the current terms and is signed in as a member. An address
// that has an account joins at once and gets a mail saying so. Who may invite with which role
// is package policy's decision, made before.
//
// An invitation is pending until it is accepted or revoked, and expired once its link's time
// has passed (a state computed when read). A resend makes a new link, which voids the old one,
// and gives it 7 more days. An organisation sends at most 50 invitations a day (Limit).
//
// Items (neither type is streamed):
//
//	type "invitation"          PK "org#<org_id>"  SK "invitation#<ivt_id>"  body Invitation
//	type "invitation_pending"  PK "org#<org_id>"  SK "invitee#<address>"    body {invitation_id}
//
// Invitations sit in their organisation's partition, so its list is one query, newest first
// backward. The pending item, written on condition that none exists and expiring with the
// invitation, keeps one pending invitation per address and organisation; acceptance and
// revocation delete it. Each change is one atomic write with its audit event and its mail.
package invitation

import (
	"errors"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// The item types.
const (
	ItemType    = "invitation"
	PendingType = "invitation_pending"
)

// The states of an invitation.
const (
	Pending  = "pending"
	Accepted = "accepted"
	Expired  = "expired"
	Revoked  = "revoked"
)

// Errors the HTTP layer answers.
var (
	// ErrPending: the address has a pending invitation to the organisation; resend it.
	ErrPending = errors.New("invitation: a pending invitation exists for this address")
	// ErrAlreadyMember: the address's account is a member of the organisation already.
	ErrAlreadyMember = errors.New("invitation: already a member")
	// ErrNotPending: the invitation was accepted or revoked.
	ErrNotPending = errors.New("invitation: not pending")
	// ErrNotFound: no such invitation in the organisation.
	ErrNotFound = errors.New("invitation: no such invitation")
)

// Invitation is an invitation to join an organisation.
type Invitation struct {
	ID    string `json:"id"`
	OrgID string `json:"org_id"`
	Email string `json:"email"`
	Role  string `json:"role"`
	// InvitedBy is the user who invited, with their name and address when they did.
	InvitedBy    string    `json:"invited_by"`
	InviterName  string    `json:"inviter_name"`
	InviterEmail string    `json:"inviter_email"`
	CreatedAt    time.Time `json:"created_at"`
	// ExpiresAt is when the latest link stops working.
	ExpiresAt time.Time `json:"expires_at"`
	// State is pending, accepted or revoked as stored; see StateAt.
	State      string    `json:"state"`
	Sends      int       `json:"sends"`
	LastSentAt time.Time `json:"last_sent_at"`
	// EndedAt is when it was accepted or revoked; EndedBy by whom.
	EndedAt time.Time `json:"ended_at,omitzero"`
	EndedBy string    `json:"ended_by,omitempty"`
	Version int64     `json:"version"`
}

// StateAt is the invitation's state at time now: expired for a pending one whose link ran out.
func (inv Invitation) StateAt(now time.Time) string {
	if inv.State == Pending && !now.Before(inv.ExpiresAt) {
		return Expired
	}
	return inv.State
}

// Key is the key of invitation id of organisation orgID.
func Key(orgID, id string) store.Key {
	return store.Key{PK: "org#" + orgID, SK: "invitation#" + id}
}

func pendingKey(orgID, addr string) store.Key {
	return store.Key{PK: "org#" + orgID, SK: "invitee#" + addr}
}
