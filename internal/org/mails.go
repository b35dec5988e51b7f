package org

import (
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/store"
)

// The kinds of the mails about memberships: built-in templates of package mail, with text and
// HTML parts, rendered with a Mail.
const (
	KindJoined      = "org_joined"          // an existing account was added to an organisation
	KindRoleChanged = "member_role_changed" // a member's role changed
	KindRemoved     = "member_removed"      // a member was removed
	KindInvitation  = "invitation"          // a link to join (package invitation sends it)
)

// Mail is the data of the membership mails; the fields a kind does not show may stay empty.
type Mail struct {
	// Name is the recipient's name.
	Name    string
	OrgName string
	// Role is the role now (or offered); Before the role until now.
	Role, Before string
	// By and ByEmail are who did it.
	By, ByEmail string
	// Link is the link the mail shows; ExpiresAt when it stops working.
	Link, ExpiresAt string
}

// QueueMail renders kind with data to one address and returns the outbox put of it, for the
// atomic write of the change it tells about.
func QueueMail(outbox *mail.Outbox, kind, to string, data Mail) (store.Op, error) {
	m, err := mail.Render(kind, data)
	if err != nil {
		return store.Op{}, fmt.Errorf("render %s mail: %w", kind, err)
	}
	m.To = []string{to}
	op, err := outbox.Enqueue(m)
	if err != nil {
		return store.Op{}, fmt.Errorf("queue %s mail: %w", kind, err)
	}
	return op, nil
}

// about returns the mail data of a change by who to u's membership of o.
func (s *Service) about(o Org, u, by account.User) Mail {
	return Mail{Name: u.Name, OrgName: o.Name, By: by.Name, ByEmail: by.Email,
		Link: mail.Link(s.PublicURL, "/orgs/"+o.ID, nil)}
}
