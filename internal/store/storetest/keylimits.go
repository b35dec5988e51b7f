package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// testDynamoLimits: what DynamoDB refuses beyond 25 operations and 400 KB items, every engine
// refuses: keys over 2048 bytes (partition) or 1024 bytes (sort), in the table or an index, and
// items over 4 MB in one write. Item sizes count attribute names, as DynamoDB does, so an item of
// exactly MaxItemSize as ItemSize counts it is accepted everywhere.
func testDynamoLimits(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	long := func(n int) string { return strings.Repeat("k", n) }
	ok := key("dlim", "ok")
	for _, tc := range []struct {
		name string
		op   store.Op
	}{
		{"partition_key", store.Put(store.Item{Key: key(long(store.MaxPartitionKey+1), "s")})},
		{"sort_key", store.Put(store.Item{Key: key("dlim", long(store.MaxSortKey+1))})},
		{"index_partition_key", store.Put(store.Item{Key: ok,
			GSI1: store.IndexKey{PK: long(store.MaxPartitionKey + 1), SK: "s"}})},
		{"index_sort_key", store.Put(store.Item{Key: ok,
			GSI2: store.IndexKey{PK: "g", SK: long(store.MaxSortKey + 1)}})},
		{"update_key", store.Update(key("dlim", long(store.MaxSortKey+1)),
			map[string]any{"a": 1}, nil)},
		{"delete_key", store.Delete(key(long(store.MaxPartitionKey+1), "s"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.Write(t.Context(), tc.op); !errors.Is(err, store.ErrTooLarge) {
				t.Fatalf("write: %v; want ErrTooLarge", err)
			}
			checkAbsent(t, s, ok)
		})
	}
	t.Run("longest_keys", func(t *testing.T) {
		it := store.Item{Key: key(long(store.MaxPartitionKey), long(store.MaxSortKey)),
			GSI1: store.IndexKey{PK: long(store.MaxPartitionKey), SK: long(store.MaxSortKey)}}
		mustWrite(t, s, store.Put(it))
		mustGet(t, s, it.Key)
	})
	t.Run("item_size", func(t *testing.T) { testItemSize(t, s) })
	t.Run("item_size_of_lists", func(t *testing.T) { testListSize(t, s) })
	t.Run("write_size", func(t *testing.T) { testWriteSize(t, s) })
}

// testItemSize: an item of MaxItemSize bytes, expiry and index keys included, is accepted; one
// byte more is refused.
func testItemSize(t *testing.T, s store.Store) {
	it := store.Item{Key: key("dlim", "size"), Type: "thing", ExpiresAt: time.Now().Add(time.Hour),
		GSI1: store.IndexKey{PK: "g", SK: "s"}, GSI2: store.IndexKey{PK: "h", SK: "t"}}
	if err := s.Write(t.Context(), store.Put(sized(it, store.MaxItemSize+1))); !errors.Is(err,
		store.ErrTooLarge) {
		t.Fatalf("item of MaxItemSize+1 bytes: %v; want ErrTooLarge", err)
	}
	mustWrite(t, s, store.Put(sized(it, store.MaxItemSize)))
}

// testListSize: items whose bodies are lists of the smallest elements (numbers, empty strings,
// empty lists and maps), the bodies DynamoDB counts as more bytes than their JSON text, are
// accepted by every engine up to MaxItemSize as ItemSize counts them.
func testListSize(t *testing.T, s store.Store) {
	for i, elem := range []string{"0", `""`, "[]", "{}", `{"a":0}`} {
		it := store.Item{Key: key("dlim", fmt.Sprint("list", i)), Type: "thing"}
		n := 1
		for store.ItemSize(listItem(it, elem, n*2)) <= store.MaxItemSize {
			n *= 2
		}
		for step := n / 2; step > 0; step /= 2 { // the longest list within the limit
			if store.ItemSize(listItem(it, elem, n+step)) <= store.MaxItemSize {
				n += step
			}
		}
		mustWrite(t, s, store.Put(listItem(it, elem, n)))
		err := s.Write(t.Context(), store.Put(listItem(it, elem, n+1)))
		if !errors.Is(err, store.ErrTooLarge) {
			t.Errorf("a list of %d %s, over the limit: %v; want ErrTooLarge", n+1, elem, err)
		}
	}
}

// listItem is it with a body of one field, a list of n elements elem.
func listItem(it store.Item, elem string, n int) store.Item {
	it.Body = json.RawMessage(`{"l":[` + strings.TrimSuffix(strings.Repeat(elem+",", n), ",") +
		`]}`)
	return it
}

// testWriteSize: puts, or updates, of more than MaxWriteSize bytes together are refused.
func testWriteSize(t *testing.T, s store.Store) {
	n := store.MaxWriteSize/(300*1024) + 1
	var puts, updates []store.Op
	for i := range n {
		it := sized(store.Item{Key: key("dlim", fmt.Sprint("big", i)), Type: "thing"}, 300*1024)
		puts = append(puts, store.Put(it))
		var fields map[string]any
		if err := json.Unmarshal(it.Body, &fields); err != nil {
			t.Fatal(err)
		}
		updates = append(updates, store.Update(it.Key, fields, nil).WithType("thing"))
	}
	for _, ops := range [][]store.Op{puts, updates} {
		if err := s.Write(t.Context(), ops...); !errors.Is(err, store.ErrTooLarge) {
			t.Fatalf("%s of %d items of 300 KB: %v; want ErrTooLarge", ops[0].Kind, n, err)
		}
		checkAbsent(t, s, key("dlim", "big0"))
	}
}

// sized returns it with a body that makes it exactly size bytes as store.ItemSize counts them.
func sized(it store.Item, size int) store.Item {
	it.Body = json.RawMessage(`{"s":""}`)
	pad := size - store.ItemSize(it)
	it.Body = json.RawMessage(`{"s":"` + strings.Repeat("x", pad) + `"}`)
	return it
}
