package setup

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// CreateUser makes an account for email and name, without a password, an admin of the vendor
// organisation when vendorAdmin is set (the organisation is created when the store has none),
// and returns its set-password link, which is also mailed to it. An address that has an account
// returns ErrExists and changes nothing.
func (s *Service) CreateUser(ctx context.Context, email, name string, vendorAdmin bool) (
	string, error) {
	email, emailErr := account.NormalizeEmail("email", email)
	name, nameErr := account.CleanName("name", name)
	if err := errors.Join(emailErr, nameErr); err != nil {
		return "", err
	}
	now := s.now()
	u := account.User{ID: id.New(id.User, now), Email: email, Name: name, CreatedAt: now}
	ops, err := s.createOps(ctx, u, vendorAdmin)
	if err != nil {
		return "", err
	}
	token, _, issue, err := s.Accounts.Tokens().Issue(linktoken.Setup, u.ID,
		map[string]string{"kind": KindSetPassword})
	if err != nil {
		return "", err
	}
	m, err := s.Accounts.SetPasswordMail(u, token)
	if err != nil {
		return "", err
	}
	err = s.Accounts.Store().Write(ctx, append(append(ops, issue...), m)...)
	if account.IsEmailTaken(err, 1) {
		return "", ErrExists
	}
	if err != nil {
		return "", fmt.Errorf("create user: %w", err)
	}
	return s.Accounts.Link("/setup", token), nil
}

// createOps are the operations of a new user, made a vendor admin when asked (with the vendor
// organisation when there is none yet).
func (s *Service) createOps(ctx context.Context, u account.User, vendorAdmin bool) (
	[]store.Op, error) {
	if !vendorAdmin {
		return s.newUserOps(ctx, u, "", "")
	}
	v, err := org.Vendor(ctx, s.Accounts.Store())
	if err == nil {
		return s.newAdminOps(ctx, u, v.ID)
	}
	if !errors.Is(err, org.ErrNoVendor) {
		return nil, err
	}
	v = org.Org{ID: id.New(id.Org, u.CreatedAt), Name: VendorName, CreatedAt: u.CreatedAt}
	ops, err := s.newAdminOps(ctx, u, v.ID)
	if err != nil {
		return nil, err
	}
	create, err := org.CreateVendorOps(ctx, v)
	if err != nil {
		return nil, err
	}
	return append(ops, create...), nil
}
