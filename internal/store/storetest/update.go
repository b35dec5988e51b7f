package storetest

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

func testUpdate(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	tests := []struct {
		name string
		seed map[string]any // nil: no item before the update
		set  map[string]any
		add  map[string]int64
		want map[string]any
	}{
		{"set_keeps_other_fields", map[string]any{"a": 1, "b": "x"},
			map[string]any{"b": "y", "c": true}, nil, map[string]any{"a": 1, "b": "y", "c": true}},
		{"set_nested_value", map[string]any{"a": 1}, map[string]any{"o": map[string]any{"k": "v"}},
			nil, map[string]any{"a": 1, "o": map[string]any{"k": "v"}}},
		{"add_existing", map[string]any{"n": 5}, nil, map[string]int64{"n": 3},
			map[string]any{"n": 8}},
		{"add_negative", map[string]any{"n": 5}, nil, map[string]int64{"n": -7},
			map[string]any{"n": -2}},
		// As DynamoDB's ADD: a missing field counts as 0.
		{"add_missing_field", map[string]any{"a": 1}, nil, map[string]int64{"n": 4},
			map[string]any{"a": 1, "n": 4}},
		// Adds are exact on int64, beyond float64's 53 bits.
		{"add_exact", map[string]any{"n": int64(1)<<53 + 1}, nil, map[string]int64{"n": 1},
			map[string]any{"n": int64(1)<<53 + 2}},
		{"set_and_add", map[string]any{"n": 1}, map[string]any{"s": "x"}, map[string]int64{"n": 1},
			map[string]any{"n": 2, "s": "x"}},
		// An update of a missing item creates it, from its set and added fields alone.
		{"creates_missing", nil, map[string]any{"s": "x"}, map[string]int64{"n": 2},
			map[string]any{"s": "x", "n": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			k := key("upd", tt.name)
			if tt.seed != nil {
				mustWrite(t, s, store.Put(item(t, k, "thing", tt.seed)))
			}
			mustWrite(t, s, store.Update(k, tt.set, tt.add).WithType("thing"))
			got := mustGet(t, s, k)
			checkBody(t, got.Body, tt.want)
			if got.Type != "thing" {
				t.Errorf("type %q; want thing", got.Type)
			}
		})
	}
	t.Run("keeps_type_index_keys_expiry", func(t *testing.T) {
		t.Parallel()
		testUpdateKeeps(t, s)
	})
}

// testUpdateKeeps: an update of an existing item changes only body fields. The type given with
// WithType is written only when the update creates the item.
func testUpdateKeeps(t *testing.T, s store.Store) {
	k := key("upd", "keeps")
	want := store.Item{Key: k, Type: "orig", GSI1: store.IndexKey{PK: "u1", SK: "a"},
		GSI2:      store.IndexKey{PK: "u2", SK: "b"},
		ExpiresAt: time.Now().Add(time.Hour).Truncate(time.Second),
		Body:      body(t, map[string]any{"n": 1})}
	mustWrite(t, s, store.Put(want))
	mustWrite(t, s, store.Update(k, nil, map[string]int64{"n": 1}).WithType("other"))
	want.Body = body(t, map[string]any{"n": 2})
	checkItem(t, mustGet(t, s, k), want)
}
