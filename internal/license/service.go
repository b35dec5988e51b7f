package license

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/store"
)

// ErrNotFound reports a license, or an organisation, that does not exist.
var ErrNotFound = fmt.Errorf("license: %w", store.ErrNotFound)

// Service keeps licenses. It is safe for concurrent use.
type Service struct {
	Store store.Store
	// Secret keys the HMAC of license keys (licensekey.Digest). It must stay the same for the
	// life of the data, and apart from the store: changing it invalidates every key.
	Secret []byte
	// Outbox queues the mails about regenerated keys.
	Outbox *mail.Outbox
	// PublicURL is the base of links in mails.
	PublicURL *url.URL
	// Usage fills the usage figures of validation answers; nil means NoUsage.
	Usage UsageFunc
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// Get returns license id, or an error wrapping ErrNotFound.
func (s *Service) Get(ctx context.Context, id string) (License, error) {
	return get(ctx, s.Store, id)
}

func get(ctx context.Context, st store.Store, id string) (License, error) {
	it, err := st.Get(ctx, Key(id))
	if errors.Is(err, store.ErrNotFound) {
		return License{}, ErrNotFound
	}
	if err != nil {
		return License{}, fmt.Errorf("read license %s: %w", id, err)
	}
	var l License
	if err := it.Decode(&l); err != nil {
		return License{}, fmt.Errorf("decode license %s: %w", id, err)
	}
	return l, nil
}

// Page is one page of an organisation's licenses.
type Page struct {
	Licenses []License
	// Cursor continues the list; "" when no license remains.
	Cursor string
}

// List returns up to limit licenses of organisation orgID, oldest first, after cursor.
func (s *Service) List(ctx context.Context, orgID string, limit int, cursor string) (Page, error) {
	p, err := s.Store.Query(ctx, store.Query{Index: store.GSI1, PK: orgIndexPK(orgID),
		Limit: limit, Cursor: cursor})
	if err != nil {
		return Page{}, fmt.Errorf("list licenses of %s: %w", orgID, err)
	}
	out := Page{Licenses: make([]License, 0, len(p.Items)), Cursor: p.Cursor}
	for _, it := range p.Items {
		var l License
		if err := it.Decode(&l); err != nil {
			return Page{}, fmt.Errorf("decode license %s: %w", it.PK, err)
		}
		out.Licenses = append(out.Licenses, l)
	}
	return out, nil
}

// event returns an audit event of action about l.
func event(ctx context.Context, at time.Time, action string, l License) audit.Event {
	e := audit.New(ctx, at, action)
	e.OrgID, e.Target = l.OrgID, l.ID
	return e
}

// write applies ops with the audit event e.
func (s *Service) write(ctx context.Context, e audit.Event, ops ...store.Op) error {
	op, err := e.Op()
	if err != nil {
		return err
	}
	return s.Store.Write(ctx, append(ops, op)...)
}

// maxAttempts bounds the retries of a change that lost a race with another change.
const maxAttempts = 5

// retry runs try again while it loses races (store.ErrConflict), at most maxAttempts times.
func retry(try func() error) error {
	var err error
	for range maxAttempts {
		if err = try(); !errors.Is(err, store.ErrConflict) {
			return err
		}
	}
	return err
}
