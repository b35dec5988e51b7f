package setup

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/store"
)

// Preview tells what the setup link token sets up; linktoken.ErrInvalid when it cannot be used.
func (s *Service) Preview(ctx context.Context, token string) (Preview, error) {
	tok, err := s.Accounts.Tokens().Open(ctx, linktoken.Setup, token)
	if err != nil {
		return Preview{}, err
	}
	p := Preview{Kind: tok.Payload["kind"], ExpiresAt: tok.ExpiresAt}
	if p.Kind == KindFirstAdmin {
		return p, nil
	}
	u, err := account.Get(ctx, s.Accounts.Store(), tok.Subject)
	if errors.Is(err, store.ErrNotFound) {
		return Preview{}, linktoken.ErrInvalid
	}
	if err != nil {
		return Preview{}, err
	}
	p.Email, p.Name = u.Email, u.Name
	return p, nil
}

// Complete uses the setup link in.Token: a first_admin link creates the account of in.Email
// and in.Name as an admin of the vendor organisation; a set_password link sets the password of
// its account. Either way the password is in.Password, and a session starts for c.
func (s *Service) Complete(ctx context.Context, in Input, c account.Client) (account.Started,
	error) {
	if err := account.CheckPassword("password", in.Password); err != nil {
		return account.Started{}, err
	}
	tok, err := s.Accounts.Tokens().Open(ctx, linktoken.Setup, in.Token)
	if err != nil {
		return account.Started{}, err
	}
	var u account.User
	if tok.Payload["kind"] == KindFirstAdmin {
		u, err = s.completeFirst(ctx, tok, in)
	} else {
		u, err = s.completeSetPassword(ctx, tok, in)
	}
	if err != nil {
		return account.Started{}, err
	}
	return s.Accounts.StartSession(ctx, u, c)
}

// write runs the write of a completed link, whose first operations consume it; an address
// claim at index claim (-1 for none) that fails means the address has an account.
func (s *Service) write(ctx context.Context, ops []store.Op, claim int) error {
	err := s.Accounts.Store().Write(ctx, ops...)
	switch {
	case linktoken.Consumed(err, 0):
		return linktoken.ErrInvalid
	case claim >= 0 && account.IsEmailTaken(err, claim):
		return account.ErrEmailTaken
	case err != nil:
		return fmt.Errorf("complete setup link: %w", err)
	}
	return nil
}

func (s *Service) completedEvent(ctx context.Context, u account.User, kind string) (store.Op,
	error) {
	e := audit.New(ctx, s.now(), audit.SetupCompleted)
	e.Actor, e.Target, e.Details = u.ID, u.ID, map[string]any{"kind": kind}
	return e.Op()
}
