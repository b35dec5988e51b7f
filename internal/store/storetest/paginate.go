package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// Sizes of the pagination test: stable items exist throughout; volatile ones are deleted, and new
// ones inserted, between pages.
const (
	stableItems   = 10000
	volatileEvery = 10
	pageSize      = 250
)

// testPaginate pages through 10,000 items in both directions of the primary index and of GSI1,
// writing between pages, and checks that every item that existed throughout is seen exactly once
// and in order. Keyset cursors promise this; DynamoDB's LastEvaluatedKey is one.
func testPaginate(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	seedPaginate(t, s)
	passes := []struct {
		name string
		q    store.Query
	}{
		{"primary_forward", store.Query{PK: "big", Limit: pageSize}},
		{"primary_backward", store.Query{PK: "big", Limit: pageSize, Backward: true}},
		{"gsi1_forward", store.Query{Index: store.GSI1, PK: "bigidx", Limit: pageSize}},
		{"gsi1_backward", store.Query{Index: store.GSI1, PK: "bigidx", Limit: pageSize, Backward: true}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range passes {
		t.Run(p.name, func(t *testing.T) { paginatePass(t, s, p.q, rng) })
	}
}

// bigItem is item i of the pagination test; its GSI1 sort key runs the other way from its primary
// sort key, so that both indexes are tested apart.
func bigItem(i int, suffix string) store.Item {
	return store.Item{Key: key("big", fmt.Sprintf("k%05d/%s", i, suffix)), Type: "thing",
		GSI1: store.IndexKey{PK: "bigidx", SK: fmt.Sprintf("g%05d/%s", stableItems-i, suffix)},
		Body: []byte(fmt.Sprintf(`{"i":%d}`, i))}
}

// seedPaginate writes the items in atomic writes of 25, from several goroutines.
func seedPaginate(t *testing.T, s store.Store) {
	t.Helper()
	var all []store.Item
	for i := range stableItems {
		all = append(all, bigItem(i, "s"))
		if i%volatileEvery == 0 {
			all = append(all, bigItem(i, "v"))
		}
	}
	const workers = 8
	err := parallel(workers, func(w int) error {
		for start := w * store.MaxOps; start < len(all); start += workers * store.MaxOps {
			ops := make([]store.Op, 0, store.MaxOps)
			for _, it := range all[start:min(start+store.MaxOps, len(all))] {
				ops = append(ops, store.Put(it))
			}
			if err := s.Write(t.Context(), ops...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
}

func paginatePass(t *testing.T, s store.Store, q store.Query, rng *rand.Rand) {
	seen := make(map[store.Key]bool)
	last := ""
	for pages := 0; ; pages++ {
		page, err := s.Query(t.Context(), q)
		if err != nil {
			t.Fatalf("page %d: %v", pages, err)
		}
		for _, it := range page.Items {
			sortKey := indexSK(q.Index, it)
			if seen[it.Key] {
				t.Fatalf("item %v repeated", it.Key)
			}
			if last != "" && (sortKey > last) == q.Backward {
				t.Fatalf("item %v at %q out of order after %q", it.Key, sortKey, last)
			}
			seen[it.Key], last = true, sortKey
		}
		if page.Cursor == "" {
			break
		}
		q.Cursor = page.Cursor
		churn(t, s, rng, pages)
	}
	for i := range stableItems {
		if k := bigItem(i, "s").Key; !seen[k] {
			t.Fatalf("item %v, there throughout, was not seen", k)
		}
	}
}

func indexSK(ix store.Index, it store.Item) string {
	if ix == store.GSI1 {
		return it.GSI1.SK
	}
	return it.SK
}

// churn inserts new items and deletes volatile ones, anywhere in the key range, in one write.
// Deleting a missing item is no error, so churn needs no bookkeeping.
func churn(t *testing.T, s store.Store, rng *rand.Rand, page int) {
	t.Helper()
	ops := make([]store.Op, 0, 20)
	used := make(map[store.Key]bool)
	for range 10 {
		i := rng.IntN(stableItems)
		it := bigItem(i, fmt.Sprintf("n%03d", page))
		del := bigItem(i-i%volatileEvery, "v").Key
		if used[it.Key] || used[del] {
			continue
		}
		used[it.Key], used[del] = true, true
		ops = append(ops, store.Put(it), store.Delete(del))
	}
	mustWrite(t, s, ops...)
}
