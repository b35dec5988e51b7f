package invitation

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// The statuses of Invite.
const (
	StatusInvited = "invited" // a link was mailed
	StatusAdded   = "added"   // the address's account joined at once
)

// Result is what Invite did.
type Result struct {
	Status     string
	Invitation Invitation // StatusInvited
	Member     org.Membership
}

// Invite invites addr into organisation orgID with role, on behalf of by.
func (s *Service) Invite(ctx context.Context, by account.User, orgID, addr, role string) (
	Result, error) {
	addr, err := account.NormalizeEmail("email", addr)
	if !org.ValidRole(role) {
		err = errors.Join(err, account.Invalid("role", "must be admin or member"))
	}
	if err != nil {
		return Result{}, err
	}
	o, err := org.Get(ctx, s.Store, orgID)
	if err != nil {
		return Result{}, err
	}
	limited := map[string]any{"email": addr, "role": role}
	if err := s.admit(ctx, orgID, limited); err != nil {
		return Result{}, err
	}
	u, err := account.ByEmail(ctx, s.Store, addr)
	switch {
	case err == nil:
		return s.add(ctx, by, o, u, role)
	case !errors.Is(err, store.ErrNotFound):
		return Result{}, err
	}
	inv, err := s.invite(ctx, by, o, addr, role)
	return Result{Status: StatusInvited, Invitation: inv}, err
}

// add makes the existing account u a member of o at once, and mails them.
func (s *Service) add(ctx context.Context, by account.User, o org.Org, u account.User,
	role string) (Result, error) {
	m := org.Membership{OrgID: o.ID, UserID: u.ID, Role: role, OrgKind: o.Kind,
		JoinedAt: s.now()}
	put, err := org.AddMemberOp(m)
	if err != nil {
		return Result{}, err
	}
	e := audit.New(ctx, m.JoinedAt, audit.MemberAdded)
	e.OrgID, e.Target, e.Details = o.ID, u.ID, map[string]any{"email": u.Email, "role": role}
	data := s.mailData(o, by, role)
	data.Name, data.Link = u.Name, s.link("/orgs/"+o.ID, "")
	ops, err := withEventAndMail([]store.Op{put}, e, org.KindJoined, u.Email, data, s)
	if err != nil {
		return Result{}, err
	}
	err = s.Store.Write(ctx, ops...)
	var ce *store.ConditionError
	if errors.As(err, &ce) && ce.Index == 0 {
		return Result{}, ErrAlreadyMember
	}
	if err != nil {
		return Result{}, fmt.Errorf("add %s to %s: %w", u.ID, o.ID, err)
	}
	return Result{Status: StatusAdded, Member: m}, nil
}

// invite stores a new invitation of addr and mails its link.
func (s *Service) invite(ctx context.Context, by account.User, o org.Org, addr, role string) (
	Invitation, error) {
	now := s.now()
	inv := Invitation{ID: id.New(id.Invitation, now), OrgID: o.ID, Email: addr, Role: role,
		InvitedBy: by.ID, InviterName: by.Name, InviterEmail: by.Email, CreatedAt: now,
		State: Pending, Sends: 1, LastSentAt: now}
	token, tok, tokenOps, err := s.Tokens.Issue(linktoken.Invitation, inv.ID,
		map[string]string{"org_id": o.ID})
	if err != nil {
		return Invitation{}, err
	}
	inv.ExpiresAt = tok.ExpiresAt
	put, err := putOp(inv)
	if err != nil {
		return Invitation{}, err
	}
	pending, err := pendingOp(inv, store.IfNotExists())
	if err != nil {
		return Invitation{}, err
	}
	e := audit.New(ctx, now, audit.InvitationCreated)
	e.OrgID, e.Target, e.Details = o.ID, inv.ID, map[string]any{"email": addr, "role": role}
	ops, err := withEventAndMail(append([]store.Op{put, pending}, tokenOps...), e,
		org.KindInvitation, addr, s.invitationMail(o, inv, token), s)
	if err != nil {
		return Invitation{}, err
	}
	err = s.Store.Write(ctx, ops...)
	var ce *store.ConditionError
	if errors.As(err, &ce) && ce.Index == 1 {
		return Invitation{}, ErrPending
	}
	if err != nil {
		return Invitation{}, fmt.Errorf("invite to %s: %w", o.ID, err)
	}
	inv.Version = 1
	return inv, nil
}
