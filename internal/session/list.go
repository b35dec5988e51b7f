package session

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/store"
)

// Page is one page of a user's sessions.
type Page struct {
	Sessions []Session
	// Cursor continues the list; "" when no session remains.
	Cursor string
}

// List returns the valid sessions of user at generation gen, newest first, up to limit per page.
// Sessions of an older generation, and sessions past their limits, are left out; a page may then
// hold fewer than limit sessions while Cursor still continues.
func (m *Manager) List(ctx context.Context, userID string, gen int64, limit int,
	cursor string) (Page, error) {
	page, err := m.Store.Query(ctx, store.Query{Index: store.GSI1, PK: userPK(userID),
		Backward: true, Limit: limit, Cursor: cursor})
	if err != nil {
		return Page{}, fmt.Errorf("list sessions: %w", err)
	}
	now := m.now()
	idle, absolute := m.limits()
	out := Page{Cursor: page.Cursor}
	for _, it := range page.Items {
		var s Session
		if err := it.Decode(&s); err != nil {
			return Page{}, fmt.Errorf("decode session: %w", err)
		}
		if s.Gen == gen && s.Valid(now, idle, absolute) {
			out.Sessions = append(out.Sessions, s)
		}
	}
	return out, nil
}

// Find returns user's session with id sessionID, or ErrNoSession: a session of another user is
// not found either.
func (m *Manager) Find(ctx context.Context, userID, sessionID string) (Session, error) {
	page, err := m.Store.Query(ctx, store.Query{Index: store.GSI1, PK: userPK(userID),
		From: sessionID, To: sessionID, Limit: 1})
	if err != nil {
		return Session{}, fmt.Errorf("find session: %w", err)
	}
	if len(page.Items) == 0 {
		return Session{}, ErrNoSession
	}
	var s Session
	if err := page.Items[0].Decode(&s); err != nil {
		return Session{}, fmt.Errorf("decode session: %w", err)
	}
	return s, nil
}

// EndOp returns the delete that ends s, for the caller's write.
func EndOp(s Session) store.Op { return store.Delete(Key(s.Digest)) }

// KeepOp returns the update that moves s to generation gen, for the write that raises its
// user's generation: s survives it while every other session ends. It fails with
// store.ErrConflict when s ended meanwhile.
func KeepOp(s Session, gen int64) store.Op {
	return store.Update(Key(s.Digest), map[string]any{"gen": gen}, nil).When(store.IfExists())
}

// Sweep deletes the items of user's sessions older than generation gen, which have ended
// already; it tidies, and a failure ends nothing that is not already ended.
func (m *Manager) Sweep(ctx context.Context, userID string, gen int64) error {
	cursor := ""
	for {
		page, err := m.Store.Query(ctx, store.Query{Index: store.GSI1, PK: userPK(userID),
			Limit: store.MaxOps, Cursor: cursor})
		if err != nil {
			return fmt.Errorf("sweep sessions: %w", err)
		}
		if err := m.deleteStale(ctx, page.Items, gen); err != nil {
			return err
		}
		if cursor = page.Cursor; cursor == "" {
			return nil
		}
	}
}

func (m *Manager) deleteStale(ctx context.Context, items []store.Item, gen int64) error {
	var ops []store.Op
	for _, it := range items {
		var s Session
		if err := it.Decode(&s); err != nil {
			return fmt.Errorf("decode session: %w", err)
		}
		if s.Gen < gen {
			// Only while still stale: a session kept by KeepOp meanwhile stays.
			ops = append(ops, store.Delete(it.Key).When(store.IfField("gen", store.Lt, gen)))
		}
	}
	if len(ops) == 0 {
		return nil
	}
	err := m.Store.Write(ctx, ops...)
	if err != nil && !errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("delete ended sessions: %w", err)
	}
	return nil
}
