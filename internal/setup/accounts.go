package setup

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

func (s *Service) completeFirst(ctx context.Context, tok linktoken.Token, in Input) (
	account.User, error) {
	email, emailErr := account.NormalizeEmail("email", in.Email)
	name, nameErr := account.CleanName("name", in.Name)
	if err := errors.Join(emailErr, nameErr); err != nil {
		return account.User{}, err
	}
	hash, err := s.Accounts.HashPassword(ctx, in.Password)
	if err != nil {
		return account.User{}, err
	}
	now := s.now()
	u := account.User{ID: id.New(id.User, now), Email: email, Name: name, PasswordHash: hash,
		CreatedAt: now}
	ops, err := s.newAdminOps(ctx, u, tok.Subject)
	if err != nil {
		return account.User{}, err
	}
	done, err := s.completedEvent(ctx, u, KindFirstAdmin)
	if err != nil {
		return account.User{}, err
	}
	// Operations: the token's two, the user, its address claim (index 3), ...
	if err := s.write(ctx, append(append(tok.ConsumeOps(), ops...), done), 3); err != nil {
		return account.User{}, err
	}
	u.Version = 1
	return u, nil
}

// newUserOps are the operations that create u, its membership of orgID with role (none when
// orgID is ""), and the user.created event: the user and its address claim come first.
func (s *Service) newUserOps(ctx context.Context, u account.User, orgID, role string) (
	[]store.Op, error) {
	ops, err := account.CreateOps(u)
	if err != nil {
		return nil, err
	}
	e := audit.New(ctx, u.CreatedAt, audit.UserCreated)
	e.Target, e.OrgID = u.ID, orgID
	e.Details = map[string]any{"email": u.Email, "role": role}
	ev, err := e.Op()
	if err != nil {
		return nil, err
	}
	ops = append(ops, ev)
	if orgID == "" {
		return ops, nil
	}
	m, err := org.AddMemberOp(org.Membership{OrgID: orgID, UserID: u.ID, Role: role,
		OrgKind: org.KindVendor, JoinedAt: u.CreatedAt})
	if err != nil {
		return nil, err
	}
	return append(ops, m), nil
}

func (s *Service) newAdminOps(ctx context.Context, u account.User, vendorID string) (
	[]store.Op, error) {
	return s.newUserOps(ctx, u, vendorID, org.RoleAdmin)
}

func (s *Service) completeSetPassword(ctx context.Context, tok linktoken.Token, in Input) (
	account.User, error) {
	if in.Email != "" || in.Name != "" {
		field := "email"
		if in.Email == "" {
			field = "name"
		}
		return account.User{}, account.Invalid(field, "is set by the account for this link")
	}
	u, err := account.Get(ctx, s.Accounts.Store(), tok.Subject)
	if errors.Is(err, store.ErrNotFound) {
		return account.User{}, linktoken.ErrInvalid
	}
	if err != nil {
		return account.User{}, err
	}
	if u.PasswordHash, err = s.Accounts.HashPassword(ctx, in.Password); err != nil {
		return account.User{}, err
	}
	save, err := account.SaveOp(u)
	if err != nil {
		return account.User{}, err
	}
	done, err := s.completedEvent(ctx, u, KindSetPassword)
	if err != nil {
		return account.User{}, err
	}
	if err := s.write(ctx, append(tok.ConsumeOps(), save, done), -1); err != nil {
		return account.User{}, fmt.Errorf("set password of %s: %w", u.ID, err)
	}
	u.Version++
	return u, nil
}
