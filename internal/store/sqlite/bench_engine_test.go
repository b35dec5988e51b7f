package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/sqlite"
)

func openBench(b *testing.B, opts store.Options) *sqlite.Store {
	b.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchItem is item i of a benchmark: time-ordered sort keys in 16 partitions, each run of 25
// in one partition, as a batch of usage reports or of events would be.
func benchItem(i int) store.Item {
	return store.Item{Key: store.Key{PK: fmt.Sprintf("p%02d", i/store.MaxOps%16),
		SK: fmt.Sprintf("%012d", i)}, Type: "thing", Body: benchBody}
}

// randomItem is item i with a key spread at random over 1000 partitions, the worst case for
// SQLite's page cache and WAL: every item dirties a page of its own.
func randomItem(i int) store.Item {
	h := uint32(i) * 2654435761
	return store.Item{Key: store.Key{PK: fmt.Sprintf("p%03d", h%1000), SK: fmt.Sprint(h)},
		Type: "thing", Body: benchBody}
}

// BenchmarkWrite: durable single-item writes from 64 goroutines, through group commit.
func BenchmarkWrite(b *testing.B) {
	s := openBench(b, store.Options{})
	ctx := context.Background()
	spread(b, 64, b.N, "items/s", func(i int) error { return s.Write(ctx, store.Put(benchItem(i))) })
	reportBatches(b, s)
}

// BenchmarkWriteAtomic25: atomic writes of 25 items from 16 goroutines; b.N counts writes.
func BenchmarkWriteAtomic25(b *testing.B) {
	for _, keys := range []struct {
		name string
		item func(int) store.Item
	}{{"ordered", benchItem}, {"random", randomItem}} {
		b.Run(keys.name, func(b *testing.B) {
			s := openBench(b, store.Options{})
			ctx := context.Background()
			spread(b, 16, b.N, "writes/s", func(i int) error {
				ops := make([]store.Op, store.MaxOps)
				for j := range ops {
					ops[j] = store.Put(keys.item(i*store.MaxOps + j))
				}
				return s.Write(ctx, ops...)
			})
			b.ReportMetric(float64(b.N*store.MaxOps)/b.Elapsed().Seconds(), "items/s")
			reportBatches(b, s)
		})
	}
}

func reportBatches(b *testing.B, s *sqlite.Store) {
	st := s.Stats()
	if st.Commits > 0 {
		b.ReportMetric(float64(st.Writes)/float64(st.Commits), "writes/commit")
	}
}

// BenchmarkGet: point gets from 4 goroutines, to compare with BenchmarkRawPointSelect.
func BenchmarkGet(b *testing.B) {
	s := openBench(b, store.Options{})
	ctx := context.Background()
	seed(b, s, benchKeys, "thing")
	spread(b, 4, b.N, "gets/s", func(i int) error {
		_, err := s.Get(ctx, benchItem(i%benchKeys).Key)
		return err
	})
}

// feedSize is how many changes the feed benchmarks read through, again and again.
const feedSize = 20000

// BenchmarkReadChanges reads the feed in pages of 1000, from the start again at its end; b.N
// counts changes read.
func BenchmarkReadChanges(b *testing.B) {
	s := openBench(b, store.Options{Streamed: []string{"thing"}})
	ctx := context.Background()
	seed(b, s, feedSize, "thing")
	b.ResetTimer()
	after, read := "", 0
	for read < b.N {
		changes, err := s.ReadChanges(ctx, after, 1000)
		if err != nil || (len(changes) == 0 && after == "") {
			b.Fatalf("read changes after %q: %d, %v", after, len(changes), err)
		}
		if len(changes) == 0 {
			after = ""
			continue
		}
		read += len(changes)
		after = changes[len(changes)-1].Position
	}
	b.ReportMetric(float64(read)/b.Elapsed().Seconds(), "changes/s")
}

// seed writes n items of type typ in atomic writes of 25, from 16 goroutines.
func seed(b *testing.B, s *sqlite.Store, n int, typ string) {
	b.Helper()
	ctx := context.Background()
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Go(func() {
			for {
				start := int(next.Add(store.MaxOps)) - store.MaxOps
				if start >= n {
					return
				}
				if err := s.Write(ctx, seedOps(start, n, typ)...); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
}

func seedOps(start, n int, typ string) []store.Op {
	var ops []store.Op
	for i := start; i < min(start+store.MaxOps, n); i++ {
		it := benchItem(i)
		it.Type = typ
		ops = append(ops, store.Put(it))
	}
	return ops
}
