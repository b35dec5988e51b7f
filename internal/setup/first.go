package setup

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// FirstStart creates the vendor organisation and returns a first_admin link when the store has
// no vendor organisation yet; otherwise it returns "" and changes nothing. Of processes that
// start together on an empty store, exactly one gets the link.
func (s *Service) FirstStart(ctx context.Context) (string, error) {
	st := s.Accounts.Store()
	_, err := org.Vendor(ctx, st)
	if err == nil {
		return "", nil
	}
	if !errors.Is(err, org.ErrNoVendor) {
		return "", err
	}
	now := s.now()
	o := org.Org{ID: id.New(id.Org, now), Name: VendorName, CreatedAt: now}
	ops, err := org.CreateVendorOps(ctx, o)
	if err != nil {
		return "", err
	}
	token, _, issue, err := s.Accounts.Tokens().Issue(linktoken.Setup, o.ID,
		map[string]string{"kind": KindFirstAdmin})
	if err != nil {
		return "", err
	}
	err = st.Write(ctx, append(ops, issue...)...)
	if errors.Is(err, store.ErrConflict) {
		return "", nil // another process made it first
	}
	if err != nil {
		return "", fmt.Errorf("create the vendor organisation: %w", err)
	}
	return s.Accounts.Link("/setup", token), nil
}

// NeedsAdmin reports whether the vendor organisation exists without any member: the first
// admin's link was not used yet.
func (s *Service) NeedsAdmin(ctx context.Context) (bool, error) {
	v, err := org.Vendor(ctx, s.Accounts.Store())
	if errors.Is(err, org.ErrNoVendor) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	ms, err := org.Members(ctx, s.Accounts.Store(), v.ID, 1)
	return len(ms) == 0, err
}
