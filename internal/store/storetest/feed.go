package storetest

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// feedWait bounds how long the feed tests wait for changes to show: DynamoDB Streams delivers
// them after the write, not with it. It is a liveness bound, not a speed target.
const feedWait = 30 * time.Second

// testChangeFeed runs the change-feed tests when the engine has a change feed, each on a store of
// its own, whose feed starts empty.
func testChangeFeed(t *testing.T, open Opener) {
	tests := []struct {
		name string
		run  func(t *testing.T, s store.Store, cr store.ChangeReader)
	}{
		{"old_and_new", testFeedOldNew},
		{"partition_order", testFeedOrder},
		{"resume", testFeedResume},
		{"rolled_back", testFeedRollback},
		{"changed_signal", testFeedSignal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := open(t, store.Options{Streamed: []string{"streamed"}})
			cr, ok := s.(store.ChangeReader)
			if !ok {
				t.Skip("the engine has no change feed")
			}
			tt.run(t, s, cr)
		})
	}
}

// readUntil reads the feed from the beginning until done holds of the changes read so far.
func readUntil(t *testing.T, cr store.ChangeReader, done func([]store.Change) bool) []store.Change {
	t.Helper()
	var all []store.Change
	after := ""
	deadline := time.Now().Add(feedWait)
	for !done(all) {
		if time.Now().After(deadline) {
			t.Fatalf("feed holds %d changes after %v; the expected ones are missing", len(all), feedWait)
		}
		got, err := cr.ReadChanges(t.Context(), after, 100)
		if err != nil {
			t.Fatalf("read changes: %v", err)
		}
		if len(got) == 0 {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		all = append(all, got...)
		after = got[len(got)-1].Position
	}
	return all
}

// hasKey reports whether a change of k is among changes.
func hasKey(k store.Key) func([]store.Change) bool {
	return func(changes []store.Change) bool { return len(of(changes, k)) > 0 }
}

// of keeps the changes of k.
func of(changes []store.Change, k store.Key) []store.Change {
	var out []store.Change
	for _, c := range changes {
		if c.Key == k {
			out = append(out, c)
		}
	}
	return out
}
