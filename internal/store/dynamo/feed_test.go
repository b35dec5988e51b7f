package dynamo_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// TestFeed reads the stream in small batches and from every position, and checks the changes
// of streamed types, their images and their order.
func TestFeed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openLocal(t, store.Options{Streamed: []string{"user"}})
	a, b := store.Key{PK: "u", SK: "a"}, store.Key{PK: "u", SK: "b"}
	writes := [][]store.Op{
		{store.Put(store.Item{Key: a, Type: "user", Body: json.RawMessage(`{"n":1}`)})},
		{store.Put(store.Item{Key: store.Key{PK: "x", SK: "1"}, Type: "other"})},
		{
			store.Update(a, nil, map[string]int64{"n": 1}),
			store.Update(b, map[string]any{"m": "y"}, nil).WithType("user"),
		},
		{store.Put(store.Item{Key: store.Key{PK: "x", SK: "2"}, Type: "other"})},
		{store.Delete(a)},
	}
	for _, ops := range writes {
		if err := s.Write(ctx, ops...); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{`a: - {"n":1}`, `a: {"n":1} {"n":2}`, `b: - {"m":"y"}`, `a: {"n":2} -`}
	all := readAll(t, s, "", 2)
	if got := describe(all); !sameSet(got, want) || got[0] != want[0] || got[3] != want[3] {
		t.Fatalf("changes: got %q, want %q", got, want)
	}
	for i, ch := range all {
		if rest := describe(readAll(t, s, ch.Position, 1)); !slices.Equal(rest, describe(all[i+1:])) {
			t.Errorf("after change %d: got %q, want %q", i, rest, describe(all[i+1:]))
		}
		if ch.Type != "user" || ch.At.IsZero() {
			t.Errorf("change %d: type %q at %v", i, ch.Type, ch.At)
		}
	}
}

// readAll reads changes in batches of n until none come.
func readAll(t *testing.T, s *dynamoStore, after string, n int) []store.Change {
	t.Helper()
	var all []store.Change
	for range 100 {
		chs, err := s.ReadChanges(context.Background(), after, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(chs) > n {
			t.Fatalf("%d changes, limit %d", len(chs), n)
		}
		if len(chs) == 0 {
			return all
		}
		all = append(all, chs...)
		after = chs[len(chs)-1].Position
	}
	t.Fatal("the feed does not end")
	return nil
}

func describe(chs []store.Change) []string {
	out := make([]string, len(chs))
	for i, ch := range chs {
		out[i] = fmt.Sprintf("%s: %s %s", ch.Key.SK, body(ch.Old), body(ch.New))
	}
	return out
}

func body(it *store.Item) string {
	if it == nil {
		return "-"
	}
	return string(it.Body)
}

// sameSet compares without order: changes of different items have none across partitions.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
