package session_test

import (
	"errors"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
)

func TestListFindAndGenerations(t *testing.T) {
	t.Parallel()
	m, c := open(t)
	_, old := start(t, m, "usr_1", 0)
	c.Advance(time.Millisecond)
	_, keep := start(t, m, "usr_1", 0)
	start(t, m, "usr_2", 0)
	ids := list(t, m, "usr_1", 0)
	if len(ids) != 2 || ids[0] != keep.ID || ids[1] != old.ID {
		t.Fatalf("sessions of usr_1 = %v, want newest first [%s %s]", ids, keep.ID, old.ID)
	}
	if _, err := m.Find(t.Context(), "usr_2", keep.ID); !errors.Is(err, session.ErrNoSession) {
		t.Errorf("Find of another user's session = %v, want ErrNoSession", err)
	}
	// A new generation, with keep carried over: old has ended.
	if err := m.Store.Write(t.Context(), session.KeepOp(keep, 1)); err != nil {
		t.Fatal(err)
	}
	if ids := list(t, m, "usr_1", 1); len(ids) != 1 || ids[0] != keep.ID {
		t.Errorf("after the new generation: %v, want [%s]", ids, keep.ID)
	}
	if err := m.Sweep(t.Context(), "usr_1", 1); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Store.Get(t.Context(), session.Key(old.Digest)); !errors.Is(err,
		store.ErrNotFound) {
		t.Errorf("Sweep left the ended session: %v", err)
	}
	if _, err := m.Store.Get(t.Context(), session.Key(keep.Digest)); err != nil {
		t.Errorf("Sweep removed the kept session: %v", err)
	}
}

func list(t *testing.T, m *session.Manager, user string, gen int64) []string {
	t.Helper()
	page, err := m.List(t.Context(), user, gen, 50, "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range page.Sessions {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestKeepOpOfEndedSession(t *testing.T) {
	t.Parallel()
	m, _ := open(t)
	_, s := start(t, m, "usr_1", 0)
	if err := m.Store.Write(t.Context(), session.EndOp(s)); err != nil {
		t.Fatal(err)
	}
	err := m.Store.Write(t.Context(), session.KeepOp(s, 1))
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("KeepOp of an ended session = %v, want a conflict", err)
	}
}
