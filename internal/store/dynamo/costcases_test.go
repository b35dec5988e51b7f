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
	return []costCase{
		{"get, 1 KB item", puts("get", 1, kb, false), get(k("get", "000")), 1},
		{"get, 4 KB item", puts("get4", 1, 4*kb, false), get(k("get4", "000")), 1},
		{"get, missing item", nil, get(k("get", "none")), 1},
		{"query page of 10 items of 1 KB, primary index", puts("q", 20, kb, true),
			query(store.Query{PK: "q", Limit: 10}), 1},
		{"query page of 10 items of 1 KB, gsi1", nil,
			query(store.Query{Index: store.GSI1, PK: "g1q", Limit: 10}), 1},
		{"query page of 10 items of 100 B, primary index", puts("qs", 20, 100, false),
			query(store.Query{PK: "qs", Limit: 10}), 1},
		{"query of an empty partition", nil, query(store.Query{PK: "none"}), 1},
		{"put, new 1 KB item, no index keys", nil, write(puts("p", 1, kb, false)...), 1},
		{"put, new 1 KB item, both index keys", nil, write(puts("pi", 1, kb, true)...), 1},
		{"put, replacing a 1 KB item by an equal one", nil, write(puts("p", 1, kb, false)...), 1},
		{"put, replacing a 1 KB item, no index keys", nil, write(changed(puts("p", 1, kb, false))...), 1},
		{"put, replacing a 1 KB item, same index keys", nil,
			write(changed(puts("pi", 1, kb, true))...), 1},
		{"put, replacing a 1 KB item, other index keys", nil,
			write(changed(puts("pi", 1, kb, true), func(it *store.Item) { it.GSI1.PK += "x" })...), 1},
		{"put, 4 KB item, no index keys", nil, write(puts("p4", 1, 4*kb, false)...), 1},
		{"update (add 1), 1 KB item, no index keys", nil,
			write(store.Update(k("p", "000"), nil, add)), 1},
		{"update (add 1), 1 KB item, both index keys", nil,
			write(store.Update(k("pi", "000"), nil, add)), 1},
		{"update (add 1), creating the item", nil, write(store.Update(k("u", "new"), nil, add)), 1},
		{"conditional put (if not exists), 1 KB", nil,
			write(store.Put(item("c", "1", kb, false)).When(store.IfNotExists())), 1},
		{"conditional put that fails (exists)", nil,
			write(store.Put(item("c", "1", kb, false)).When(store.IfNotExists())), 1},
		{"conditional put that fails (missing)", nil,
			write(store.Put(item("c", "2", kb, false)).When(store.IfExists())), 1},
		{"delete, 1 KB item, no index keys", nil, write(store.Delete(k("p", "000"))), 1},
		{"delete, 1 KB item, both index keys", nil, write(store.Delete(k("pi", "000"))), 1},
		{"delete, missing item", nil, write(store.Delete(k("p", "none"))), 1},
		{"check alone (a consistent get)", nil,
			write(store.Check(k("c", "1"), store.IfExists())), 1},
		{"atomic write: put + check", nil, write(store.Put(item("a", "1", kb, false)),
			store.Check(k("c", "1"), store.IfExists())), 1},
		{"atomic write: 2 puts of 1 KB", nil, write(puts("a2", 2, kb, false)...), 1},
		{"atomic write: 10 puts of 1 KB", nil, write(puts("a10", 10, kb, false)...), 1},
		{"atomic write: 25 puts of 1 KB", nil, write(puts("a25", 25, kb, false)...), 1},
		{"atomic write: 25 puts of 1 KB, both index keys", nil,
			write(puts("a25i", 25, kb, true)...), 1},
		{"update of an expired 1 KB item", []store.Op{store.Put(expiring)},
			write(store.Update(expiring.Key, nil, add)), 2},
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
