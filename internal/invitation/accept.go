package invitation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// Preview is what an invitation link shows before it is accepted.
type Preview struct {
	Invitation Invitation
	Org        org.Org
	// HasAccount says that the address has an account by now: accepting adds it to the
	// organisation without a new password.
	HasAccount bool
	// TermsVersion is the version of the terms to accept; 0 while none is published.
	TermsVersion int
}

// open returns the pending invitation of token, or linktoken.ErrInvalid.
func (s *Service) open(ctx context.Context, token string) (Invitation, linktoken.Token, error) {
	tok, err := s.Tokens.Open(ctx, linktoken.Invitation, token)
	if err != nil {
		return Invitation{}, linktoken.Token{}, err
	}
	inv, err := s.Get(ctx, tok.Payload["org_id"], tok.Subject)
	if errors.Is(err, ErrNotFound) || (err == nil && inv.StateAt(s.now()) != Pending) {
		return Invitation{}, linktoken.Token{}, linktoken.ErrInvalid
	}
	return inv, tok, err
}

// Preview tells who invited the link's holder to which organisation.
func (s *Service) Preview(ctx context.Context, token string) (Preview, error) {
	inv, _, err := s.open(ctx, token)
	if err != nil {
		return Preview{}, err
	}
	o, err := org.Get(ctx, s.Store, inv.OrgID)
	if err != nil {
		return Preview{}, err
	}
	_, err = account.ByEmail(ctx, s.Store, inv.Email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return Preview{}, err
	}
	p := Preview{Invitation: inv, Org: o, HasAccount: err == nil}
	if p.TermsVersion, err = s.Terms.CurrentNumber(ctx); err != nil {
		return Preview{}, err
	}
	return p, nil
}

// AcceptInput is what the person sets when accepting.
type AcceptInput struct {
	Token    string
	Name     string
	Password string
	// TermsVersion is the version of the terms accepted; it must be the current one.
	TermsVersion int
}

// Accept uses an invitation link. An address without an account gets one, named and with the
// password of in, having accepted the current terms, and a session starts (Started.Token). An
// address that has an account by now joins without a new session (Started.Token is "").
// signedIn is the browser's signed-in user, nil for none: accepting for another account than
// theirs is refused (account.ErrWrongUser).
func (s *Service) Accept(ctx context.Context, in AcceptInput, signedIn *account.User,
	c account.Client) (account.Started, error) {
	inv, tok, err := s.open(ctx, in.Token)
	if err != nil {
		return account.Started{}, err
	}
	u, err := account.ByEmail(ctx, s.Store, inv.Email)
	switch {
	case err == nil && signedIn != nil && signedIn.ID != u.ID:
		return account.Started{}, account.ErrWrongUser
	case err == nil:
		return account.Started{User: u}, s.join(ctx, inv, tok, u)
	case !errors.Is(err, store.ErrNotFound):
		return account.Started{}, err
	case signedIn != nil:
		return account.Started{}, account.ErrWrongUser
	}
	return s.signUp(ctx, inv, tok, in, c)
}

// endOps are the operations every acceptance holds: the token used up (first two), the
// invitation marked accepted by u, its pending item deleted, u's membership, and the event.
func (s *Service) endOps(ctx context.Context, inv Invitation, tok linktoken.Token,
	u account.User, at time.Time) ([]store.Op, error) {
	inv.State, inv.EndedAt, inv.EndedBy = Accepted, at, u.ID
	put, err := putOp(inv)
	if err != nil {
		return nil, err
	}
	o, err := org.Get(ctx, s.Store, inv.OrgID)
	if err != nil {
		return nil, err
	}
	member, err := org.AddMemberOp(org.Membership{OrgID: o.ID, UserID: u.ID, Role: inv.Role,
		OrgKind: o.Kind, JoinedAt: at})
	if err != nil {
		return nil, err
	}
	end, err := s.endPendingOps(ctx, inv)
	if err != nil {
		return nil, err
	}
	e := audit.New(ctx, at, audit.InvitationAccepted)
	e.Actor, e.OrgID, e.Target = u.ID, inv.OrgID, inv.ID
	e.Details = map[string]any{"email": inv.Email, "role": inv.Role, "user_id": u.ID}
	ev, err := e.Op()
	if err != nil {
		return nil, err
	}
	return append(append(tok.ConsumeOps(), put, member, ev), end...), nil
}

// join adds the existing account u to the invitation's organisation.
func (s *Service) join(ctx context.Context, inv Invitation, tok linktoken.Token,
	u account.User) error {
	ops, err := s.endOps(ctx, inv, tok, u, s.now())
	if err != nil {
		return err
	}
	return s.accepted(s.Store.Write(ctx, ops...), -1)
}

// accepted interprets the error of an acceptance's write, whose address claim is op claim.
func (s *Service) accepted(err error, claim int) error {
	var ce *store.ConditionError
	switch {
	case err == nil:
		return nil
	case linktoken.Consumed(err, 0) || (errors.As(err, &ce) && ce.Index == 2):
		return linktoken.ErrInvalid // used, voided, or the invitation changed meanwhile
	case errors.As(err, &ce) && ce.Index == 3:
		return ErrAlreadyMember
	case claim >= 0 && account.IsEmailTaken(err, claim):
		return account.ErrEmailTaken
	}
	return fmt.Errorf("accept invitation: %w", err)
}
