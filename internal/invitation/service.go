package invitation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/terms"
	"github.com/licensorhq/licensor/internal/throttle"
)

// Limit is how many invitations an organisation may send a day, resends included.
const Limit = 50

// Service invites, lists, revokes, resends and accepts invitations. It is safe for concurrent
// use once made.
type Service struct {
	Store    store.Store
	Outbox   *mail.Outbox
	Accounts *account.Service // hashes passwords and starts sessions
	Terms    *terms.Service
	Tokens   *linktoken.Tokens
	// PublicURL is the base of links in mails.
	PublicURL *url.URL
	// PerDay overrides Limit (tests).
	PerDay int
	// Now is the clock; nil means time.Now. Give the store and Tokens the same clock.
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// admit takes one of the organisation's invitations of the day, or refuses with a
// *account.LimitedError, recording the refusal (invitation.limited, with details) in the
// organisation's audit log.
func (s *Service) admit(ctx context.Context, orgID string, details map[string]any) error {
	n := s.PerDay
	if n <= 0 {
		n = Limit
	}
	b := &throttle.Bucket{Store: s.Store, Name: "invite_org", Rate: n, Per: 24 * time.Hour,
		Burst: n, Now: s.Now}
	ok, wait, err := b.Allow(ctx, orgID)
	if err != nil || ok {
		return err
	}
	e := audit.New(ctx, s.now(), audit.InvitationLimited)
	e.Outcome, e.OrgID, e.Details = audit.Failure, orgID, details
	e.Details["per_day"] = n
	if err := audit.Record(ctx, s.Store, e); err != nil {
		return err
	}
	return &account.LimitedError{Wait: wait}
}

// Get returns invitation id of organisation orgID, or ErrNotFound.
func (s *Service) Get(ctx context.Context, orgID, id string) (Invitation, error) {
	it, err := s.Store.Get(ctx, Key(orgID, id))
	if errors.Is(err, store.ErrNotFound) {
		return Invitation{}, ErrNotFound
	}
	if err != nil {
		return Invitation{}, fmt.Errorf("read invitation %s: %w", id, err)
	}
	var inv Invitation
	if err := it.Decode(&inv); err != nil {
		return Invitation{}, fmt.Errorf("decode invitation %s: %w", id, err)
	}
	return inv, nil
}

// putOp returns the put of inv as changed from the version read (0: a new invitation).
func putOp(inv Invitation) (store.Op, error) {
	read := inv.Version
	inv.Version++
	body, err := json.Marshal(inv)
	if err != nil {
		return store.Op{}, fmt.Errorf("encode invitation: %w", err)
	}
	op := store.Put(store.Item{Key: Key(inv.OrgID, inv.ID), Type: ItemType, Body: body})
	if read == 0 {
		return op.When(store.IfNotExists()), nil
	}
	return op.When(store.IfField("version", store.Eq, read)), nil
}

// pendingOp returns the put of the item that keeps inv the one pending invitation of its
// address, expiring with it; cond guards it.
func pendingOp(inv Invitation, cond store.Condition) (store.Op, error) {
	body, err := json.Marshal(map[string]string{"invitation_id": inv.ID})
	if err != nil {
		return store.Op{}, fmt.Errorf("encode pending invitation: %w", err)
	}
	return store.Put(store.Item{Key: pendingKey(inv.OrgID, inv.Email), Type: PendingType,
		ExpiresAt: inv.ExpiresAt, Body: body}).When(cond), nil
}

// endPendingOps returns the delete of inv's pending item when it is still inv's (a later
// invitation to the address may hold it once inv expired).
func (s *Service) endPendingOps(ctx context.Context, inv Invitation) ([]store.Op, error) {
	id, err := s.pendingID(ctx, inv.OrgID, inv.Email)
	if err != nil || id != inv.ID {
		return nil, err
	}
	return []store.Op{store.Delete(pendingKey(inv.OrgID, inv.Email)).
		When(store.IfField("invitation_id", store.Eq, inv.ID))}, nil
}

// pendingID returns the id of the pending invitation of addr to orgID, "" for none.
func (s *Service) pendingID(ctx context.Context, orgID, addr string) (string, error) {
	it, err := s.Store.Get(ctx, pendingKey(orgID, addr))
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read pending invitation: %w", err)
	}
	var p struct {
		ID string `json:"invitation_id"`
	}
	if err := it.Decode(&p); err != nil {
		return "", fmt.Errorf("decode pending invitation: %w", err)
	}
	return p.ID, nil
}
