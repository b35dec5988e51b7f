package org

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/store"
)

// MembersPage returns a page of the members of organisation orgID, in the order of their ids.
func MembersPage(ctx context.Context, st store.Store, orgID string, limit int, cursor string) (
	[]Membership, string, error) {
	page, err := st.Query(ctx, store.Query{PK: "org#" + orgID, Prefix: "member#", Limit: limit,
		Cursor: cursor})
	if err != nil {
		return nil, "", fmt.Errorf("list members of %s: %w", orgID, err)
	}
	out := make([]Membership, 0, len(page.Items))
	for _, it := range page.Items {
		var m Membership
		if err := it.Decode(&m); err != nil {
			return nil, "", fmt.Errorf("decode membership %s: %w", it.SK, err)
		}
		out = append(out, m)
	}
	return out, page.Cursor, nil
}

// Member returns user's membership of orgID, or ErrNotMember.
func Member(ctx context.Context, st store.Store, orgID, userID string) (Membership, error) {
	var m Membership
	err := get(ctx, st, MembershipKey(orgID, userID), &m)
	if errors.Is(err, store.ErrNotFound) {
		return Membership{}, ErrNotMember
	}
	if err != nil {
		return Membership{}, fmt.Errorf("read membership: %w", err)
	}
	return m, nil
}

// otherAdmin returns the check that an admin of orgID other than userID is still one, for the
// write that removes or demotes userID; ErrLastAdmin when there is none. Each such write checks
// another admin, so of two admins demoting each other at once, one write fails.
func otherAdmin(ctx context.Context, st store.Store, orgID, userID string) (store.Op, error) {
	members, err := Members(ctx, st, orgID, 0)
	if err != nil {
		return store.Op{}, err
	}
	for _, m := range members {
		if m.Role == RoleAdmin && m.UserID != userID {
			return store.Check(MembershipKey(orgID, m.UserID),
				store.IfField("role", store.Eq, RoleAdmin)), nil
		}
	}
	return store.Op{}, ErrLastAdmin
}

// change is what ChangeRole and Remove share: the membership, its user, the organisation, and
// the check that another admin remains when the member is an admin.
type change struct {
	m     Membership
	o     Org
	u     account.User
	guard []store.Op
}

func (s *Service) load(ctx context.Context, orgID, userID string, demotes bool) (change, error) {
	var c change
	var err error
	if c.m, err = Member(ctx, s.Store, orgID, userID); err != nil {
		return change{}, err
	}
	if c.o, err = Get(ctx, s.Store, orgID); err != nil {
		return change{}, err
	}
	if c.u, err = account.Get(ctx, s.Store, userID); err != nil {
		return change{}, err
	}
	if demotes && c.m.Role == RoleAdmin {
		check, err := otherAdmin(ctx, s.Store, orgID, userID)
		if err != nil {
			return change{}, err
		}
		c.guard = []store.Op{check}
	}
	return c, nil
}

// write runs ops, turning the failure of the other admin's check (the last op) into
// ErrLastAdmin and a changed membership into store.ErrConflict.
func (s *Service) write(ctx context.Context, c change, ops []store.Op) error {
	err := s.Store.Write(ctx, ops...)
	var ce *store.ConditionError
	if len(c.guard) > 0 && errors.As(err, &ce) && ce.Index == len(ops)-1 {
		return ErrLastAdmin
	}
	return err
}

func (s *Service) event(ctx context.Context, action string, c change, details map[string]any) (
	store.Op, error) {
	e := audit.New(ctx, s.now(), action)
	e.OrgID, e.Target, e.Details = c.o.ID, c.u.ID, details
	return e.Op()
}
