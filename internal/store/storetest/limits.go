package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// testLimits: writes over DynamoDB's limits are refused by every engine, and change nothing.
func testLimits(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	existing := key("lim", "existing")
	mustWrite(t, s, store.Put(item(t, existing, "thing", map[string]any{"n": 1})))
	huge := strings.Repeat("x", store.MaxItemSize)
	tests := []struct {
		name string
		ops  func() []store.Op
		want error
	}{
		{"too_many_ops", func() []store.Op {
			var ops []store.Op
			for i := range store.MaxOps + 1 {
				ops = append(ops, store.Put(item(t, key("lim", fmt.Sprintf("many%02d", i)), "thing", nil)))
			}
			return ops
		}, store.ErrTooLarge},
		{"item_too_large", func() []store.Op {
			return []store.Op{store.Update(existing, nil, map[string]int64{"n": 1}),
				store.Put(item(t, key("lim", "huge"), "thing", map[string]any{"s": huge}))}
		}, store.ErrTooLarge},
		{"two_ops_one_key", func() []store.Op {
			return []store.Op{store.Put(item(t, key("lim", "twice"), "thing", nil)),
				store.Update(existing, nil, map[string]int64{"n": 1}),
				store.Update(key("lim", "twice"), nil, map[string]int64{"n": 1})}
		}, store.ErrInvalid},
		{"empty_write", func() []store.Op { return nil }, store.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Write(t.Context(), tt.ops()...)
			if !errors.Is(err, tt.want) {
				t.Fatalf("write: %v; want %v", err, tt.want)
			}
			for _, k := range []store.Key{key("lim", "many00"), key("lim", "many25"), key("lim", "huge"),
				key("lim", "twice")} {
				checkAbsent(t, s, k)
			}
			checkBody(t, mustGet(t, s, existing).Body, map[string]any{"n": 1})
		})
	}
	t.Run("update_grows_too_large", func(t *testing.T) {
		err := s.Write(t.Context(), store.Update(existing, map[string]any{"s": huge}, nil))
		if !errors.Is(err, store.ErrTooLarge) {
			t.Fatalf("write: %v; want ErrTooLarge", err)
		}
		checkBody(t, mustGet(t, s, existing).Body, map[string]any{"n": 1})
	})
	t.Run("get_missing", func(t *testing.T) {
		if _, err := s.Get(t.Context(), key("lim", "nothing")); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("get: %v; want ErrNotFound", err)
		}
	})
}
