package feed

import (
	"context"
	"fmt"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

type noop struct{}

func (noop) Name() string                               { return "noop" }
func (noop) Handle(context.Context, store.Change) error { return nil }

// fill commits n changes, 25 to a write, across 16 partitions.
func fill(b *testing.B, st store.Store, n int) {
	b.Helper()
	for i := 0; i < n; i += store.MaxOps {
		ops := make([]store.Op, 0, store.MaxOps)
		for j := i; j < min(n, i+store.MaxOps); j++ {
			ops = append(ops, put(fmt.Sprint("p", j%16), fmt.Sprint(j), j))
		}
		write(b, st, ops...)
	}
}

// BenchmarkDeliverNoop measures the dispatcher from the feed's start to a no-op consumer,
// including the reads of the feed and the saved positions; run it with -benchtime=100000x.
func BenchmarkDeliverNoop(b *testing.B) {
	st := openStore(b)
	fill(b, st, b.N)
	d, err := New(st, st, []Consumer{noop{}}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	stop := run(b, d)
	ctx := context.Background()
	if err := d.Drain(ctx); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	stop()
	if got := d.Stats()[0].Delivered; got != uint64(b.N) {
		b.Fatalf("delivered %d, want %d", got, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "changes/s")
}

// BenchmarkReadChanges is the engine's raw feed read, batches of 1000, as the baseline.
func BenchmarkReadChanges(b *testing.B) {
	st := openStore(b)
	fill(b, st, b.N)
	ctx := context.Background()
	b.ResetTimer()
	pos, n := "", 0
	for n < b.N {
		batch, err := st.ReadChanges(ctx, pos, 1000)
		if err != nil || len(batch) == 0 {
			b.Fatalf("read after %d: %d changes, %v", n, len(batch), err)
		}
		n += len(batch)
		pos = batch[len(batch)-1].Position
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "changes/s")
}
