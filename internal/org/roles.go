package org

import (
	"context"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/store"
)

// ValidRole reports whether role is a role of a membership.
func ValidRole(role string) bool { return role == RoleAdmin || role == RoleMember }

// ChangeRole gives user userID the role role in organisation orgID, audited (the role before
// and after) and mailed to them. The last admin cannot be demoted (ErrLastAdmin).
func (s *Service) ChangeRole(ctx context.Context, by account.User, orgID, userID, role string) (
	Membership, error) {
	if !ValidRole(role) {
		return Membership{}, account.Invalid("role", "must be admin or member")
	}
	c, err := s.load(ctx, orgID, userID, role != RoleAdmin)
	if err != nil || c.m.Role == role {
		return c.m, err
	}
	before := c.m.Role
	c.m.Role = role
	put, err := item(MembershipKey(orgID, userID), MembershipType, c.m)
	if err != nil {
		return Membership{}, err
	}
	put.GSI1 = store.IndexKey{PK: "member#" + userID, SK: "org#" + orgID}
	ev, err := s.event(ctx, audit.MemberRoleChanged, c,
		map[string]any{"before": before, "after": role})
	if err != nil {
		return Membership{}, err
	}
	data := s.about(c.o, c.u, by)
	data.Role, data.Before = role, before
	mailOp, err := QueueMail(s.Outbox, KindRoleChanged, c.u.Email, data)
	if err != nil {
		return Membership{}, err
	}
	ops := append([]store.Op{store.Put(put).When(store.IfField("role", store.Eq, before)),
		ev, mailOp}, c.guard...)
	if err := s.write(ctx, c, ops); err != nil {
		return Membership{}, fmt.Errorf("change role of %s in %s: %w", userID, orgID, err)
	}
	return c.m, nil
}

// Remove ends user userID's membership of organisation orgID, audited and mailed to them. The
// last admin cannot be removed (ErrLastAdmin). The user loses access at their next request,
// whose principal is loaded without the membership.
func (s *Service) Remove(ctx context.Context, by account.User, orgID, userID string) error {
	c, err := s.load(ctx, orgID, userID, true)
	if err != nil {
		return err
	}
	ev, err := s.event(ctx, audit.MemberRemoved, c, map[string]any{"role": c.m.Role})
	if err != nil {
		return err
	}
	data := s.about(c.o, c.u, by)
	data.Before = c.m.Role
	mailOp, err := QueueMail(s.Outbox, KindRemoved, c.u.Email, data)
	if err != nil {
		return err
	}
	ops := append([]store.Op{store.Delete(MembershipKey(orgID, userID)).
		When(store.IfField("role", store.Eq, c.m.Role)), ev, mailOp}, c.guard...)
	if err := s.write(ctx, c, ops); err != nil {
		return fmt.Errorf("remove %s from %s: %w", userID, orgID, err)
	}
	return nil
}
