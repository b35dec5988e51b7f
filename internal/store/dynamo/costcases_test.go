package dynamo_test

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
)

const kb = 1000 // an item "of 1 KB" stays under DynamoDB's unit of 1024 bytes

func costCases(clk *clock) []costCase {
	k := func(pk, sk string) store.Key { return store.Key{PK: pk, SK: sk} }
	get := func(key store.Key) func(context.Context, *dynamo.Store) error {
		return func(ctx context.Context, s *dynamo.Store) error { _, err := s.Get(ctx, key); return err }
	}
	query := func(q store.Query) func(context.Context, *dynamo.Store) error {
		return func(ctx context.Context, s *dynamo.Store) error { _, err := s.Query(ctx, q); return err }
	}
	expiring := item("exp", "1", kb, false)
	expiring.ExpiresAt = clk.now
	add := map[string]int64{"n": 1}
	ifNot, ifExists := store.IfNotExists(), store.IfExists()
	return []costCase{
		{"get, 1 KB item", "1 | 1 | - | -", puts("get", 1, kb, false), get(k("get", "000"))},
		{"get, 4 KB item", "1 | 1 | - | -", puts("get4", 1, 4*kb, false), get(k("get4", "000"))},
		{"get, missing item", "1 | 1 | - | -", nil, get(k("get", "none"))},
		{"query page of 10 items of 1 KB, primary index", "1 | 3 | - | -",
			puts("q", 20, kb, true), query(store.Query{PK: "q", Limit: 10})},
		{"query page of 10 items of 1 KB, gsi1", "1 | 1.5 | - | 1.5",
			nil, query(store.Query{Index: store.GSI1, PK: "g1q", Limit: 10})},
		{"query page of 10 items of 100 B, primary index", "1 | 1 | - | -",
			puts("qs", 20, 100, false), query(store.Query{PK: "qs", Limit: 10})},
		{"query of an empty partition", "1 | - | - | -", nil, query(store.Query{PK: "none"})},
		{"put, new 1 KB item, no index keys", "1 | - | 1 | -",
			nil, write(puts("p", 1, kb, false)...)},
		{"put, new 1 KB item, both index keys", "1 | - | 3 | 2",
			nil, write(puts("pi", 1, kb, true)...)},
		{"put, replacing a 1 KB item by an equal one", "1 | - | 1 | -",
			nil, write(puts("p", 1, kb, false)...)},
		{"put, replacing a 1 KB item, no index keys", "1 | - | 1 | -",
			nil, write(changed(puts("p", 1, kb, false))...)},
		{"put, replacing a 1 KB item, same index keys", "1 | - | 3 | 2",
			nil, write(changed(puts("pi", 1, kb, true))...)},
		{"put, replacing a 1 KB item, other index keys", "1 | - | 4 | 3", nil,
			write(changed(puts("pi", 1, kb, true), func(it *store.Item) { it.GSI1.PK += "x" })...)},
		{"put, 4 KB item, no index keys", "1 | - | 4 | -", nil, write(puts("p4", 1, 4*kb, false)...)},
		{"update (set a field), 1 KB item, no index keys", "1 | - | 1 | -",
			nil, write(store.Update(k("p", "000"), map[string]any{"m": 1}, nil))},
		{"update (add 1), 1 KB item, no index keys", "1 | - | 4 | -",
			nil, write(store.Update(k("p", "000"), nil, add))},
		{"update (add 1), 1 KB item, both index keys", "1 | - | 12 | 8",
			nil, write(store.Update(k("pi", "000"), nil, add))},
		{"update (add 1), creating the item", "1 | - | 4 | -",
			nil, write(store.Update(k("u", "new"), nil, add))},
		{"conditional put (if not exists), 1 KB", "1 | - | 4 | -",
			nil, write(store.Put(item("c", "1", kb, false)).When(ifNot))},
		{"conditional put that fails (exists)", "1 | - | - | -",
			nil, write(store.Put(item("c", "1", kb, false)).When(ifNot))},
		{"conditional put that fails (missing)", "1 | - | - | -",
			nil, write(store.Put(item("c", "2", kb, false)).When(ifExists))},
		{"delete, 1 KB item, no index keys", "1 | - | 1 | -", nil, write(store.Delete(k("p", "000")))},
		{"delete, 1 KB item, both index keys", "1 | - | 3 | 2",
			nil, write(store.Delete(k("pi", "000")))},
		{"delete, missing item", "1 | - | 1 | -", nil, write(store.Delete(k("p", "none")))},
		{"check alone (a consistent get)", "1 | 1 | - | -",
			nil, write(store.Check(k("c", "1"), ifExists))},
		{"atomic write: put + check", "1 | - | 4 | -", nil,
			write(store.Put(item("a", "1", kb, false)), store.Check(k("c", "1"), ifExists))},
		{"atomic write: 2 puts of 1 KB", "1 | - | 4 | -", nil, write(puts("a2", 2, kb, false)...)},
		{"atomic write: 10 puts of 1 KB", "1 | - | 4 | -", nil, write(puts("a10", 10, kb, false)...)},
		{"atomic write: 25 puts of 1 KB", "1 | - | 4 | -", nil, write(puts("a25", 25, kb, false)...)},
		{"atomic write: 25 puts of 1 KB, both index keys", "1 | - | 12 | 8",
			nil, write(puts("a25i", 25, kb, true)...)},
		{"update of an expired 1 KB item", "2 | - | 4 | -",
			[]store.Op{store.Put(expiring)}, write(store.Update(expiring.Key, nil, add))},
	}
}

// changed returns the puts with another body, and whatever else the edits change.
func changed(ops []store.Op, edits ...func(*store.Item)) []store.Op {
	for i := range ops {
		ops[i].Item.Body = json.RawMessage(strings.Replace(string(ops[i].Item.Body), `"n":1`, `"n":2`, 1))
		for _, edit := range edits {
			edit(&ops[i].Item)
		}
	}
	return ops
}
