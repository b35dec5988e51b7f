package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/sqlite"
)

func open(t *testing.T, path string, opts store.Options, options ...sqlite.Option) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(t.Context(), path, opts, options...)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return s
}

func put(t *testing.T, s store.Store, it store.Item) {
	t.Helper()
	if err := s.Write(t.Context(), store.Put(it)); err != nil {
		t.Fatalf("put %v: %v", it.Key, err)
	}
}

func TestReopenKeepsItems(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "db")
	s := open(t, path, store.Options{})
	k := store.Key{PK: "p", SK: "s"}
	put(t, s, store.Item{Key: k, Body: []byte(`{"a":1}`)})
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if err := s.Write(t.Context(), store.Delete(k)); err == nil {
		t.Error("write after close succeeded")
	}
	s = open(t, path, store.Options{})
	defer s.Close()
	if _, err := s.Get(t.Context(), k); err != nil {
		t.Fatalf("get after reopening: %v", err)
	}
}

// TestConcurrentOpensMigrateOnce: processes that open a new file at the same moment (`serve`
// and `admin create-user`) all succeed, the schema made once.
func TestConcurrentOpensMigrateOnce(t *testing.T) {
	t.Parallel()
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "db")
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Go(func() {
				s, err := sqlite.Open(t.Context(), path, store.Options{})
				if err == nil {
					err = s.Close()
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("round %d: open: %v", round, err)
			}
		}
	}
}

func TestBackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := open(t, filepath.Join(dir, "db"), store.Options{})
	defer s.Close()
	k := store.Key{PK: "p", SK: "s"}
	put(t, s, store.Item{Key: k, Body: []byte(`{"a":1}`)})
	var wg sync.WaitGroup
	wg.Go(func() { // writes go on during the backup
		for i := range 50 {
			put(t, s, store.Item{Key: store.Key{PK: "w", SK: string(rune('a' + i%26))}})
		}
	})
	dest := filepath.Join(dir, "backup.db")
	if err := s.Backup(t.Context(), dest); err != nil {
		t.Fatalf("backup: %v", err)
	}
	wg.Wait()
	b := open(t, dest, store.Options{})
	defer b.Close()
	if _, err := b.Get(t.Context(), k); err != nil {
		t.Fatalf("get from the backup: %v", err)
	}
	if err := s.Backup(t.Context(), dest); err == nil {
		t.Error("backup over an existing file succeeded")
	}
}

func TestSweep(t *testing.T) {
	t.Parallel()
	base := time.Unix(1_900_000_000, 0)
	var mu sync.Mutex
	now := base
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := open(t, filepath.Join(t.TempDir(), "db"), store.Options{Now: clock, Streamed: []string{"st"}},
		sqlite.WithSweepInterval(0), sqlite.WithRetention(time.Hour))
	defer s.Close()
	put(t, s, store.Item{Key: store.Key{PK: "p", SK: "old"}, Type: "st",
		ExpiresAt: base.Add(time.Second)})
	put(t, s, store.Item{Key: store.Key{PK: "p", SK: "live"}, Type: "st"})
	mu.Lock()
	now = base.Add(2 * time.Hour)
	mu.Unlock()
	if err := s.Sweep(t.Context()); err != nil {
		t.Fatalf("sweep: %v", err)
	}
	changes, err := s.ReadChanges(t.Context(), "", 100)
	if err != nil {
		t.Fatalf("read changes: %v", err)
	}
	// The two puts are older than the retention and gone; the expiry's removal is new.
	if len(changes) != 1 || changes[0].Key.SK != "old" || changes[0].Old == nil ||
		changes[0].New != nil {
		t.Fatalf("changes after the sweep: %+v; want only the removal of p/old", changes)
	}
}

func TestStats(t *testing.T) {
	t.Parallel()
	s := open(t, filepath.Join(t.TempDir(), "db"), store.Options{})
	defer s.Close()
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() { put(t, s, store.Item{Key: store.Key{PK: "p", SK: string(rune('a' + i))}}) })
	}
	wg.Wait()
	err := s.Write(t.Context(), store.Check(store.Key{PK: "p", SK: "none"}, store.IfExists()))
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("check: %v", err)
	}
	st := s.Stats()
	if st.Writes != 32 || st.Failed != 1 || st.Commits < 1 || st.Commits > 33 {
		t.Errorf("stats %+v; want 32 writes, 1 failed", st)
	}
}

func TestCancelledWrite(t *testing.T) {
	t.Parallel()
	s := open(t, filepath.Join(t.TempDir(), "db"), store.Options{})
	defer s.Close()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := s.Write(ctx, store.Put(store.Item{Key: store.Key{PK: "p", SK: "s"}})); err == nil {
		t.Error("write with a cancelled context succeeded")
	}
}
