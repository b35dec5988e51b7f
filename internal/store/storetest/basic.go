package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

func testPutGetDelete(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	ctx := t.Context()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("ping: %v", err)
	}
	k := key("basic", "one")
	if _, err := s.Get(ctx, k); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("get of a missing item: %v; want ErrNotFound", err)
	}
	// A whole second in the future: engines keep expiry to the second, as DynamoDB's TTL does.
	exp := time.Now().Add(time.Hour).Truncate(time.Second)
	want := store.Item{Key: k, Type: "thing", GSI1: store.IndexKey{PK: "g1", SK: "a"},
		GSI2: store.IndexKey{PK: "g2", SK: "b"}, ExpiresAt: exp,
		Body: body(t, map[string]any{"name": "one", "n": 1, "ok": true, "tags": []string{"x"}})}
	mustWrite(t, s, store.Put(want))
	checkItem(t, mustGet(t, s, k), want)

	// A put replaces the whole item: fields and index keys it does not name are gone.
	next := item(t, k, "thing", map[string]any{"name": "two"})
	mustWrite(t, s, store.Put(next))
	checkItem(t, mustGet(t, s, k), next)

	mustWrite(t, s, store.Delete(k))
	checkAbsent(t, s, k)
	// Deleting a missing item is not an error, as in DynamoDB.
	mustWrite(t, s, store.Delete(k))
}

// checkItem compares every field of an item; bodies by value.
func checkItem(t *testing.T, got, want store.Item) {
	t.Helper()
	if got.Key != want.Key || got.Type != want.Type || got.GSI1 != want.GSI1 || got.GSI2 != want.GSI2 {
		t.Errorf("item %+v; want %+v", got, want)
	}
	if !got.ExpiresAt.Equal(want.ExpiresAt) {
		t.Errorf("item %v expires at %v; want %v", got.Key, got.ExpiresAt, want.ExpiresAt)
	}
	checkBody(t, got.Body, decode(t, want.Body))
}
