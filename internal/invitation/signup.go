package invitation

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/store"
)

// signUp creates the account of an invitation's address and signs it in.
func (s *Service) signUp(ctx context.Context, inv Invitation, tok linktoken.Token,
	in AcceptInput, c account.Client) (account.Started, error) {
	terms, err := s.checkNew(ctx, in)
	if err != nil {
		return account.Started{}, err
	}
	hash, err := s.Accounts.HashPassword(ctx, in.Password)
	if err != nil {
		return account.Started{}, err
	}
	now := s.now()
	name, _ := account.CleanName("name", in.Name)
	u := account.User{ID: id.New(id.User, now), Email: inv.Email, Name: name,
		PasswordHash: hash, CreatedAt: now}
	ops, err := s.signUpOps(ctx, inv, tok, u)
	if err != nil {
		return account.Started{}, err
	}
	if err := s.accepted(s.Store.Write(ctx, ops...), len(ops)-1); err != nil {
		return account.Started{}, err
	}
	u.Version = 1
	if terms > 0 {
		if err := s.Terms.Accept(ctx, u, terms, c.IP); err != nil {
			return account.Started{}, fmt.Errorf("accept terms on joining: %w", err)
		}
		u.TermsAccepted, u.Version = terms, u.Version+1
	}
	return s.Accounts.StartSession(ctx, u, c)
}

// signUpOps are the acceptance's operations, then the user's event, the user and, last, the
// claim of its address.
func (s *Service) signUpOps(ctx context.Context, inv Invitation, tok linktoken.Token,
	u account.User) ([]store.Op, error) {
	ops, err := s.endOps(ctx, inv, tok, u, u.CreatedAt)
	if err != nil {
		return nil, err
	}
	e := audit.New(ctx, u.CreatedAt, audit.UserCreated)
	e.Actor, e.OrgID, e.Target = u.ID, inv.OrgID, u.ID
	e.Details = map[string]any{"email": u.Email, "role": inv.Role, "invitation_id": inv.ID}
	ev, err := e.Op()
	if err != nil {
		return nil, err
	}
	create, err := account.CreateOps(u)
	if err != nil {
		return nil, err
	}
	return append(append(ops, ev), create...), nil
}

// checkNew checks the name, password and terms version of a new account; it returns the
// current version of the terms (0: none published).
func (s *Service) checkNew(ctx context.Context, in AcceptInput) (int, error) {
	_, nameErr := account.CleanName("name", in.Name)
	pwErr := account.CheckPassword("password", in.Password)
	n, err := s.Terms.CurrentNumber(ctx)
	if err != nil {
		return 0, err
	}
	var termsErr error
	if n > 0 && in.TermsVersion != n {
		termsErr = account.Invalid("terms_version",
			fmt.Sprintf("must be %d, the current version of the terms, once read", n))
	}
	return n, errors.Join(nameErr, pwErr, termsErr)
}
