package feed

// Benchmarks of the dispatcher beside the engine's raw feed read in the same run, as
// docs/performance.md reports them:
//
//	go test -run '^$' -bench . -benchtime 2s -count 3 ./internal/feed

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// benchChanges is how many changes the benchmarks read through, again and again.
const benchChanges = 20000

type noop struct{ name string }

func (n noop) Name() string                             { return n.name }
func (noop) Handle(context.Context, store.Change) error { return nil }

// fill commits n changes, 25 to a write, across 16 partitions, from 16 goroutines.
func fill(b *testing.B, st store.Store, n int) {
	b.Helper()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for {
				i := int(next.Add(store.MaxOps)) - store.MaxOps
				if i >= n {
					return
				}
				ops := make([]store.Op, 0, store.MaxOps)
				for j := i; j < min(n, i+store.MaxOps); j++ {
					ops = append(ops, put(fmt.Sprint("p", j%16), fmt.Sprint(j), j))
				}
				write(b, st, ops...)
			}
		})
	}
	wg.Wait()
}

// BenchmarkDeliverNoop measures the dispatcher delivering the whole feed, from its start, to a
// no-op consumer, including the reads of the feed and the saves of the position after each
// batch. Each iteration delivers benchChanges changes to a consumer of a new name, which starts
// at the beginning.
func BenchmarkDeliverNoop(b *testing.B) {
	st := openStore(b)
	fill(b, st, benchChanges)
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		d, err := New(st, st, []Consumer{noop{fmt.Sprint("noop", i)}}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		stop := run(b, d)
		if err := d.Drain(ctx); err != nil {
			b.Fatal(err)
		}
		stop()
		if got := d.Stats()[0].Delivered; got != benchChanges {
			b.Fatalf("delivered %d, want %d", got, benchChanges)
		}
	}
	b.ReportMetric(float64(b.N*benchChanges)/b.Elapsed().Seconds(), "changes/s")
}

// BenchmarkReadChanges is the engine's raw feed read, batches of 1000 as the dispatcher reads
// them, as the baseline; each iteration reads the whole feed.
func BenchmarkReadChanges(b *testing.B) {
	st := openStore(b)
	fill(b, st, benchChanges)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		pos, n := "", 0
		for n < benchChanges {
			batch, err := st.ReadChanges(ctx, pos, 1000)
			if err != nil || len(batch) == 0 {
				b.Fatalf("read after %d: %d changes, %v", n, len(batch), err)
			}
			n += len(batch)
			pos = batch[len(batch)-1].Position
		}
	}
	b.ReportMetric(float64(b.N*benchChanges)/b.Elapsed().Seconds(), "changes/s")
}
