package storetest

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// testAtomic: a write of 25 operations of every kind happens whole or not at all.
func testAtomic(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	var seed []store.Op
	for i := range 10 {
		seed = append(seed, store.Put(item(t, key("atomic", fmt.Sprintf("old%02d", i)), "thing",
			map[string]any{"n": 1})))
	}
	mustWrite(t, s, seed...)
	ops := atomicOps(t)
	failing := append(ops[:store.MaxOps-1:store.MaxOps-1],
		store.Check(key("atomic", "old09"), store.IfField("n", store.Eq, 2)))
	err := s.Write(t.Context(), failing...)
	checkConflict(t, err, store.MaxOps-1, key("atomic", "old09"))
	checkAtomic(t, s, false)

	mustWrite(t, s, ops...)
	checkAtomic(t, s, true)
}

// atomicOps: 15 puts of new items, 5 updates and 4 deletes of old ones, and a check.
func atomicOps(t *testing.T) []store.Op {
	var ops []store.Op
	for i := range 15 {
		ops = append(ops, store.Put(item(t, key("atomic", fmt.Sprintf("new%02d", i)), "thing",
			map[string]any{"n": 1})).When(store.IfNotExists()))
	}
	for i := range 5 {
		ops = append(ops, store.Update(key("atomic", fmt.Sprintf("old%02d", i)), nil,
			map[string]int64{"n": 1}).When(store.IfExists()))
	}
	for i := 5; i < 9; i++ {
		ops = append(ops, store.Delete(key("atomic", fmt.Sprintf("old%02d", i))))
	}
	return append(ops, store.Check(key("atomic", "old09"), store.IfField("n", store.Eq, 1)))
}

func checkAtomic(t *testing.T, s store.Store, applied bool) {
	t.Helper()
	for i := range 15 {
		k := key("atomic", fmt.Sprintf("new%02d", i))
		if applied {
			mustGet(t, s, k)
		} else {
			checkAbsent(t, s, k)
		}
	}
	n := 1
	if applied {
		n = 2
	}
	for i := range 5 {
		checkBody(t, mustGet(t, s, key("atomic", fmt.Sprintf("old%02d", i))).Body, map[string]any{"n": n})
	}
	for i := 5; i < 9; i++ {
		k := key("atomic", fmt.Sprintf("old%02d", i))
		if applied {
			checkAbsent(t, s, k)
		} else {
			mustGet(t, s, k)
		}
	}
}

// testIsolation: concurrent writes see each other as if they ran one at a time. Of 16 puts
// racing on one key with IfNotExists exactly one succeeds; compare-and-set on a version loses no
// increment.
func testIsolation(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	k := key("iso", "claim")
	var won atomic.Int64
	err := parallel(16, func(i int) error {
		err := s.Write(t.Context(), store.Put(item(t, k, "thing", map[string]any{"by": i})).
			When(store.IfNotExists()))
		if err == nil {
			won.Store(int64(i))
			return nil
		}
		if errors.Is(err, store.ErrConflict) {
			return nil
		}
		return err
	})
	if err != nil {
		t.Fatalf("claims: %v", err)
	}
	checkBody(t, mustGet(t, s, k).Body, map[string]any{"by": won.Load()})
	if st := s.Write(t.Context(), store.Check(k, store.IfNotExists())); st == nil {
		t.Error("check IfNotExists on the claimed key held")
	}
	testVersioned(t, s)
}

// testVersioned: 8 goroutines each commit 5 increments by compare-and-set on field v.
func testVersioned(t *testing.T, s store.Store) {
	k := key("iso", "versioned")
	mustWrite(t, s, store.Put(item(t, k, "thing", map[string]any{"v": 0})))
	err := parallel(8, func(int) error {
		for done := 0; done < 5; {
			it, err := s.Get(t.Context(), k)
			if err != nil {
				return err
			}
			var b struct{ V int64 }
			if err := it.Decode(&b); err != nil {
				return err
			}
			err = s.Write(t.Context(), store.Put(store.Item{Key: k, Type: "thing",
				Body: fmt.Appendf(nil, `{"v":%d}`, b.V+1)}).When(store.IfField("v", store.Eq, b.V)))
			if err == nil {
				done++
			} else if !errors.Is(err, store.ErrConflict) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("increments: %v", err)
	}
	checkBody(t, mustGet(t, s, k).Body, map[string]any{"v": 40})
}

// testConcurrentAdd: 64 goroutines add to one counter; no addition is lost.
func testConcurrentAdd(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	k := key("counter", "c")
	const workers, adds = 64, 10
	err := parallel(workers, func(int) error {
		for range adds {
			if err := s.Write(t.Context(), store.Update(k, nil, map[string]int64{"n": 1})); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("adds: %v", err)
	}
	checkBody(t, mustGet(t, s, k).Body, map[string]any{"n": workers * adds})
}

// testAtomicConcurrent: writes that fail while others run at the same moment are still undone
// whole, and the others still happen whole.
func testAtomicConcurrent(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	counter := key("atomicc", "counter")
	const writers, rounds = 16, 5
	err := parallel(2*writers, func(i int) error {
		for r := range rounds {
			own := key("atomicc", fmt.Sprintf("own%02d-%d", i, r))
			ops := []store.Op{store.Put(item(t, own, "thing", nil)),
				store.Update(counter, nil, map[string]int64{"n": 1})}
			if i%2 == 1 { // odd writers fail on their last operation
				ops = append(ops, store.Check(key("atomicc", "missing"), store.IfExists()))
			}
			err := s.Write(t.Context(), ops...)
			if (err == nil) != (i%2 == 0) {
				return fmt.Errorf("writer %d round %d: %v", i, r, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkBody(t, mustGet(t, s, counter).Body, map[string]any{"n": writers * rounds})
	page, err := s.Query(t.Context(), store.Query{PK: "atomicc", Prefix: "own"})
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	if len(page.Items) != writers*rounds {
		t.Errorf("%d items written; want %d, from the writes that succeeded", len(page.Items),
			writers*rounds)
	}
}
