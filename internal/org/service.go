package org

import (
	"errors"
	"net/url"
	"time"

	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/store"
)

// Errors the HTTP layer answers.
var (
	// ErrLastAdmin refuses to remove or demote the last admin of an organisation.
	ErrLastAdmin = errors.New("org: the last admin of an organisation stays an admin")
	// ErrNotMember is returned for a user who is not a member of the organisation.
	ErrNotMember = errors.New("org: no such member")
)

// Service creates and changes organisations and memberships. It is safe for concurrent use.
type Service struct {
	Store store.Store
	// Outbox queues the mails about memberships (role changed, removed); required.
	Outbox *mail.Outbox
	// PublicURL is the base of links in mails.
	PublicURL *url.URL
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}
