package session

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/secret"
	"github.com/licensorhq/licensor/internal/store"
)

// ErrNoSession is returned for a cookie that names no valid session: malformed, unknown,
// ended, idle too long or too old.
var ErrNoSession = errors.New("session: no valid session")

// Manager makes, finds and ends sessions. The zero limits take their defaults. It is safe for
// concurrent use.
type Manager struct {
	Store store.Store
	// Idle and Absolute bound a session's life (defaults IdleTimeout and AbsoluteTimeout).
	Idle, Absolute time.Duration
	// Now is the clock; nil means time.Now. Give the store the same clock.
	Now func() time.Time
}

func (m *Manager) now() time.Time {
	if m.Now == nil {
		return time.Now()
	}
	return m.Now()
}

func (m *Manager) limits() (idle, absolute time.Duration) {
	idle, absolute = m.Idle, m.Absolute
	if idle <= 0 {
		idle = IdleTimeout
	}
	if absolute <= 0 {
		absolute = AbsoluteTimeout
	}
	return idle, absolute
}

// New makes a session for user at generation gen. It returns the cookie's value (to hand to the
// browser, never to store or log), the session, and the put that stores it, for the caller's
// write.
func (m *Manager) New(userID string, gen int64, userAgent, ip string) (string, Session,
	store.Op, error) {
	token, digest := secret.New()
	now := m.now().UTC()
	s := Session{ID: id.New(id.Session, now), UserID: userID, Gen: gen,
		Browser: Browser(userAgent), IP: ip, CreatedAt: now, LastSeenAt: now, Digest: digest}
	it, err := m.item(s)
	if err != nil {
		return "", Session{}, store.Op{}, err
	}
	return token, s, store.Put(it).When(store.IfNotExists()), nil
}

func (m *Manager) item(s Session) (store.Item, error) {
	body, err := json.Marshal(s)
	if err != nil {
		return store.Item{}, fmt.Errorf("encode session: %w", err)
	}
	_, absolute := m.limits()
	return store.Item{Key: Key(s.Digest), Type: ItemType, Body: body,
		GSI1:      store.IndexKey{PK: userPK(s.UserID), SK: s.ID},
		ExpiresAt: s.CreatedAt.Add(absolute)}, nil
}

// Lookup returns the valid session whose cookie is token, or ErrNoSession. It records the
// request's time when the recorded one is a minute old or more. The caller checks the
// session's generation against its user's.
func (m *Manager) Lookup(ctx context.Context, token string) (Session, error) {
	if secret.Parse(token) != nil {
		return Session{}, ErrNoSession
	}
	it, err := m.Store.Get(ctx, Key(secret.Digest(token)))
	if errors.Is(err, store.ErrNotFound) {
		return Session{}, ErrNoSession
	}
	if err != nil {
		return Session{}, fmt.Errorf("read session: %w", err)
	}
	var s Session
	if err := it.Decode(&s); err != nil {
		return Session{}, fmt.Errorf("decode session: %w", err)
	}
	now := m.now()
	if idle, absolute := m.limits(); !s.Valid(now, idle, absolute) {
		return Session{}, ErrNoSession
	}
	return s, m.touch(ctx, &s, now)
}

// touch records now as the last request, at most once a minute. The update is conditioned on
// the session's existence so that it never brings an ended session back.
func (m *Manager) touch(ctx context.Context, s *Session, now time.Time) error {
	if now.Sub(s.LastSeenAt) < touchEvery {
		return nil
	}
	s.LastSeenAt = now.UTC()
	err := m.Store.Write(ctx, store.Update(Key(s.Digest),
		map[string]any{"last_seen_at": s.LastSeenAt}, nil).When(store.IfExists()))
	if errors.Is(err, store.ErrConflict) {
		return ErrNoSession // ended by another request meanwhile
	}
	if err != nil {
		return fmt.Errorf("record session use: %w", err)
	}
	return nil
}
