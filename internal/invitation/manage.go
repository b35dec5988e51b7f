package invitation

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// List returns a page of the invitations of organisation orgID, newest first.
func (s *Service) List(ctx context.Context, orgID string, limit int, cursor string) (
	[]Invitation, string, error) {
	page, err := s.Store.Query(ctx, store.Query{PK: "org#" + orgID, Prefix: "invitation#",
		Backward: true, Limit: limit, Cursor: cursor})
	if err != nil {
		return nil, "", fmt.Errorf("list invitations of %s: %w", orgID, err)
	}
	out := make([]Invitation, 0, len(page.Items))
	for _, it := range page.Items {
		var inv Invitation
		if err := it.Decode(&inv); err != nil {
			return nil, "", fmt.Errorf("decode invitation %s: %w", it.SK, err)
		}
		out = append(out, inv)
	}
	return out, page.Cursor, nil
}

// Revoke ends pending invitation id of orgID: its link stops working at once (acceptance
// checks the invitation's state in its write).
func (s *Service) Revoke(ctx context.Context, by account.User, orgID, id string) (
	Invitation, error) {
	inv, err := s.Get(ctx, orgID, id)
	if err != nil {
		return Invitation{}, err
	}
	if inv.State != Pending {
		return Invitation{}, ErrNotPending
	}
	inv.State, inv.EndedAt, inv.EndedBy = Revoked, s.now(), by.ID
	put, err := putOp(inv)
	if err != nil {
		return Invitation{}, err
	}
	end, err := s.endPendingOps(ctx, inv)
	if err != nil {
		return Invitation{}, err
	}
	e := audit.New(ctx, inv.EndedAt, audit.InvitationRevoked)
	e.OrgID, e.Target, e.Details = orgID, id, map[string]any{"email": inv.Email}
	ev, err := e.Op()
	if err != nil {
		return Invitation{}, err
	}
	if err := s.Store.Write(ctx, append([]store.Op{put, ev}, end...)...); err != nil {
		return Invitation{}, fmt.Errorf("revoke invitation %s: %w", id, err)
	}
	inv.Version++
	return inv, nil
}

// Resend mails a new link for pending invitation id of orgID, valid for a new lifetime; the
// old link stops working. It counts against the organisation's invitations of the day.
func (s *Service) Resend(ctx context.Context, orgID, id string) (Invitation, error) {
	inv, err := s.Get(ctx, orgID, id)
	if err != nil {
		return Invitation{}, err
	}
	if inv.State != Pending {
		return Invitation{}, ErrNotPending
	}
	limited := map[string]any{"email": inv.Email, "invitation_id": id}
	if err := s.admit(ctx, orgID, limited); err != nil {
		return Invitation{}, err
	}
	o, err := org.Get(ctx, s.Store, orgID)
	if err != nil {
		return Invitation{}, err
	}
	token, tok, tokenOps, err := s.Tokens.Issue(linktoken.Invitation, inv.ID,
		map[string]string{"org_id": orgID})
	if err != nil {
		return Invitation{}, err
	}
	inv.ExpiresAt, inv.LastSentAt, inv.Sends = tok.ExpiresAt, s.now(), inv.Sends+1
	ops, err := s.resendOps(ctx, inv)
	if err != nil {
		return Invitation{}, err
	}
	e := audit.New(ctx, inv.LastSentAt, audit.InvitationResent)
	e.OrgID, e.Target, e.Details = orgID, id, map[string]any{"email": inv.Email}
	ops, err = withEventAndMail(append(ops, tokenOps...), e, org.KindInvitation, inv.Email,
		s.invitationMail(o, inv, token), s)
	if err != nil {
		return Invitation{}, err
	}
	if err := s.write(ctx, ops); err != nil {
		return Invitation{}, fmt.Errorf("resend invitation %s: %w", id, err)
	}
	inv.Version++
	return inv, nil
}

// resendOps are the put of inv and of its pending item, renewed: kept when it is inv's, made
// again when it expired, refused (ErrPending) when a newer invitation to the address holds it.
func (s *Service) resendOps(ctx context.Context, inv Invitation) ([]store.Op, error) {
	put, err := putOp(inv)
	if err != nil {
		return nil, err
	}
	holder, err := s.pendingID(ctx, inv.OrgID, inv.Email)
	if err != nil {
		return nil, err
	}
	cond := store.IfNotExists()
	switch {
	case holder == inv.ID:
		cond = store.IfField("invitation_id", store.Eq, inv.ID)
	case holder != "":
		return nil, ErrPending
	}
	pending, err := pendingOp(inv, cond)
	if err != nil {
		return nil, err
	}
	return []store.Op{put, pending}, nil
}

// write runs ops whose second is an invitation's pending item: its failure means another
// invitation to the address took it meanwhile.
func (s *Service) write(ctx context.Context, ops []store.Op) error {
	err := s.Store.Write(ctx, ops...)
	var ce *store.ConditionError
	if errors.As(err, &ce) && ce.Index == 1 {
		return ErrPending
	}
	return err
}
