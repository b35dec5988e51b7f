package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// testFeedOldNew: a put, an update and a delete of a streamed item give three changes with the
// item before and after; a non-streamed item of the same partition gives none.
func testFeedOldNew(t *testing.T, s store.Store, _ store.ChangeReader) {
	k, plain, last := key("feed", "a"), key("feed", "plain"), key("feed", "z")
	mustWrite(t, s, store.Put(item(t, k, "streamed", map[string]any{"n": 1})))
	mustWrite(t, s, store.Put(item(t, plain, "plain", map[string]any{"n": 1})))
	mustWrite(t, s, store.Update(k, nil, map[string]int64{"n": 1}))
	mustWrite(t, s, store.Delete(k), store.Delete(plain))
	mustWrite(t, s, store.Update(last, map[string]any{"n": 1}, nil).WithType("streamed"))
	changes := readUntil(t, s.(store.ChangeReader), hasKey(last))
	if got := of(changes, plain); len(got) != 0 {
		t.Errorf("%d changes of a non-streamed item; want none", len(got))
	}
	got := of(changes, k)
	if len(got) != 3 {
		t.Fatalf("%d changes of %v; want 3", len(got), k)
	}
	checkChange(t, got[0], nil, map[string]any{"n": 1})
	checkChange(t, got[1], map[string]any{"n": 1}, map[string]any{"n": 2})
	checkChange(t, got[2], map[string]any{"n": 2}, nil)
	created := of(changes, last)
	checkChange(t, created[0], nil, map[string]any{"n": 1})
}

// checkChange checks a change's type and the bodies before and after it (nil: no item).
func checkChange(t *testing.T, c store.Change, before, after map[string]any) {
	t.Helper()
	if c.Type != "streamed" || c.Position == "" || c.At.IsZero() {
		t.Errorf("change %+v; want type streamed, a position and a time", c)
	}
	for _, side := range []struct {
		name string
		it   *store.Item
		want map[string]any
	}{{"old", c.Old, before}, {"new", c.New, after}} {
		switch {
		case side.it == nil && side.want != nil:
			t.Errorf("change of %v has no %s item", c.Key, side.name)
		case side.it != nil && side.want == nil:
			t.Errorf("change of %v has %s item %+v; want none", c.Key, side.name, side.it)
		case side.it != nil:
			if side.it.Key != c.Key || side.it.Type != "streamed" {
				t.Errorf("%s item %+v of change of %v", side.name, side.it, c.Key)
			}
			checkBody(t, side.it.Body, side.want)
		}
	}
}

// testFeedOrder: the changes of one partition come in commit order. Concurrent additions to a
// counter commit one after another, so the feed must show it counting 1, 2, 3...
func testFeedOrder(t *testing.T, s store.Store, cr store.ChangeReader) {
	k := key("order", "counter")
	const workers, adds = 8, 10
	err := parallel(workers, func(int) error {
		for range adds {
			err := s.Write(t.Context(), store.Update(k, nil, map[string]int64{"n": 1}).WithType("streamed"))
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("adds: %v", err)
	}
	changes := readUntil(t, cr, func(c []store.Change) bool { return len(of(c, k)) >= workers*adds })
	for i, c := range of(changes, k) {
		var after struct{ N int }
		if err := c.New.Decode(&after); err != nil || after.N != i+1 {
			t.Fatalf("change %d counts %d (%v); want %d", i, after.N, err, i+1)
		}
	}
}

// testFeedResume: reading after a change's position continues with the next change.
func testFeedResume(t *testing.T, s store.Store, cr store.ChangeReader) {
	for _, sk := range []string{"a", "b", "c"} {
		mustWrite(t, s, store.Put(item(t, key("resume", sk), "streamed", map[string]any{"sk": sk})))
	}
	all := readUntil(t, cr, hasKey(key("resume", "c")))
	after := ""
	for i, want := range all {
		got, err := cr.ReadChanges(t.Context(), after, 1)
		if err != nil || len(got) != 1 {
			t.Fatalf("read change %d after %q: %d changes, %v", i, after, len(got), err)
		}
		if got[0].Key != want.Key || got[0].Position != want.Position {
			t.Fatalf("change %d after %q is %v at %q; want %v at %q", i, after, got[0].Key,
				got[0].Position, want.Key, want.Position)
		}
		after = got[0].Position
	}
	rest, err := cr.ReadChanges(t.Context(), after, 10)
	if err != nil || len(rest) != 0 {
		t.Errorf("after the last change: %d changes, %v; want none", len(rest), err)
	}
}

// testFeedRollback: a write undone by a failed condition leaves nothing in the feed.
func testFeedRollback(t *testing.T, s store.Store, cr store.ChangeReader) {
	undone, marker := key("rb", "undone"), key("rb", "marker")
	err := s.Write(t.Context(), store.Put(item(t, undone, "streamed", map[string]any{"n": 1})),
		store.Check(key("rb", "missing"), store.IfExists()))
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("write: %v; want ErrConflict", err)
	}
	mustWrite(t, s, store.Put(item(t, marker, "streamed", map[string]any{"n": 1})))
	changes := readUntil(t, cr, hasKey(marker))
	if got := of(changes, undone); len(got) != 0 {
		t.Errorf("%d changes of a rolled back write; want none", len(got))
	}
}

// testFeedSignal: Changed's channel is closed by a commit that adds changes.
func testFeedSignal(t *testing.T, s store.Store, cr store.ChangeReader) {
	ch := cr.Changed()
	if ch == nil {
		t.Skip("the engine cannot signal commits; readers poll")
	}
	mustWrite(t, s, store.Put(item(t, key("sig", "a"), "streamed", map[string]any{"n": 1})))
	select {
	case <-ch:
	case <-time.After(feedWait):
		t.Fatal("Changed channel still open after a commit")
	}
}
