package dynamo_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/licensorhq/licensor/internal/store"
)

// DynamoDB Local never deletes expired items, and DynamoDB does so only up to days late: these
// tests hold an expired item in the table, as DynamoDB does until its TTL process runs.

// TestUpdateOfExpiredItem checks that an update where an expired item lies creates a fresh
// item, as on a missing one, instead of merging into the expired item.
func TestUpdateOfExpiredItem(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		cond    *store.Condition
		wantErr error
		paired  bool
	}{
		{name: "plain"},
		{name: "in-transaction", paired: true},
		{name: "if-not-exists", cond: ptr(store.IfNotExists())},
		{name: "if-exists", cond: ptr(store.IfExists()), wantErr: store.ErrConflict},
		{name: "if-field", cond: ptr(store.IfField("a", store.Eq, 1)), wantErr: store.ErrConflict,
			paired: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			clk := &clock{now: time.Unix(1_800_000_000, 0)}
			s := openLocal(t, store.Options{Now: clk.Now})
			k := store.Key{PK: "u", SK: "1"}
			old := store.Item{Key: k, Type: "old", Body: json.RawMessage(`{"a":1,"b":"x"}`),
				GSI1: store.IndexKey{PK: "g", SK: "1"}, ExpiresAt: clk.now.Add(time.Minute)}
			if err := s.Write(ctx, store.Put(old)); err != nil {
				t.Fatal(err)
			}
			clk.now = clk.now.Add(time.Minute)
			op := store.Update(k, map[string]any{"c": "y"}, map[string]int64{"a": 2}).WithType("new")
			op.If = tc.cond
			ops := []store.Op{op}
			if tc.paired {
				ops = append(ops, store.Put(store.Item{Key: store.Key{PK: "u", SK: "2"}}))
			}
			err := s.Write(ctx, ops...)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("write: got %v, want %v", err, tc.wantErr)
			}
			if tc.wantErr != nil {
				return
			}
			got, err := s.Get(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			want := store.Item{Key: k, Type: "new", Body: json.RawMessage(`{"a":2,"c":"y"}`)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("item (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExpiredInvisible checks that Get and Query leave out an expired item that DynamoDB has
// not deleted yet, from the second of its expiry on.
func TestExpiredInvisible(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	s := openLocal(t, store.Options{Now: clk.Now})
	for i, sk := range []string{"a", "b", "c", "d"} {
		it := store.Item{Key: store.Key{PK: "p", SK: sk}, GSI2: store.IndexKey{PK: "g", SK: sk}}
		if i%2 == 1 {
			it.ExpiresAt = clk.now.Add(time.Second)
		}
		if err := s.Write(ctx, store.Put(it)); err != nil {
			t.Fatal(err)
		}
	}
	clk.now = clk.now.Add(999 * time.Millisecond)
	checkKeys(t, s, store.Query{PK: "p"}, "a", "b", "c", "d")
	clk.now = clk.now.Add(time.Millisecond)
	checkKeys(t, s, store.Query{PK: "p"}, "a", "c")
	checkKeys(t, s, store.Query{Index: store.GSI2, PK: "g", Backward: true}, "c", "a")
	if _, err := s.Get(ctx, store.Key{PK: "p", SK: "b"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("get of an expired item: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }
