package storetest

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// testExpiry: an expired item is gone at once for Get, Query and conditions, before any engine
// removes it. DynamoDB's TTL deletes expired items only eventually, so a DynamoDB engine must
// filter them itself; this test sets the clock rather than waiting.
func testExpiry(t *testing.T, open Opener) {
	// A whole second in the future, so that a real TTL process never sees the items as expired.
	base := time.Unix(1_900_000_000, 0)
	clk := &clock{now: base}
	s := open(t, store.Options{Now: clk.Now})
	exp, keep := key("exp", "a"), key("exp", "b")
	expiring := store.Item{Key: exp, Type: "thing", ExpiresAt: base.Add(10 * time.Second),
		GSI1: store.IndexKey{PK: "expidx", SK: "a"}, Body: body(t, map[string]any{"n": 1})}
	mustWrite(t, s, store.Put(expiring),
		store.Put(store.Item{Key: keep, Type: "thing", GSI1: store.IndexKey{PK: "expidx", SK: "b"},
			Body: body(t, map[string]any{"n": 1})}))

	// Expiry is kept to the second: the item lives until the start of its second.
	clk.Set(base.Add(9*time.Second + 999*time.Millisecond))
	checkItem(t, mustGet(t, s, exp), expiring)
	checkQuery(t, s, store.Query{PK: "exp"}, []string{"exp/a", "exp/b"})

	clk.Set(base.Add(10 * time.Second))
	checkAbsent(t, s, exp)
	checkQuery(t, s, store.Query{PK: "exp"}, []string{"exp/b"})
	checkQuery(t, s, store.Query{Index: store.GSI1, PK: "expidx"}, []string{"exp/b"})
	checkConflict(t, s.Write(t.Context(), store.Check(exp, store.IfExists())), 0, exp)
	checkConflict(t, s.Write(t.Context(), store.Check(exp, store.IfField("n", store.Eq, 1))), 0, exp)
	mustWrite(t, s, store.Check(exp, store.IfNotExists()))

	// An update finds no item, so it creates one from its own fields, without the old expiry.
	mustWrite(t, s, store.Update(exp, map[string]any{"s": "x"}, nil).WithType("fresh"))
	checkItem(t, mustGet(t, s, exp), store.Item{Key: exp, Type: "fresh",
		Body: body(t, map[string]any{"s": "x"})})

	// And a put on an expired key passes IfNotExists.
	clk.Set(base.Add(time.Hour))
	mustWrite(t, s, store.Put(store.Item{Key: key("exp", "c"),
		ExpiresAt: base.Add(time.Hour + time.Second),
		Body:      body(t, map[string]any{})}))
	clk.Set(base.Add(time.Hour + 2*time.Second))
	mustWrite(t, s, store.Put(item(t, key("exp", "c"), "thing", map[string]any{"n": 2})).
		When(store.IfNotExists()))
	checkBody(t, mustGet(t, s, key("exp", "c")).Body, map[string]any{"n": 2})
}

func checkQuery(t *testing.T, s store.Store, q store.Query, want []string) {
	t.Helper()
	page, err := s.Query(t.Context(), q)
	if err != nil {
		t.Fatalf("query %+v: %v", q, err)
	}
	checkKeys(t, page.Items, want)
}
