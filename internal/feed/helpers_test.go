package feed

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/testenv"
)

// thing is the streamed item type of these tests; "other" is not streamed.
const thing = "thing"

type source interface {
	store.Store
	store.ChangeReader
}

func openStore(t testing.TB) source {
	t.Helper()
	return teststore.Open(t, store.Options{Streamed: []string{thing}})
}

func put(pk, sk string, n int) store.Op {
	return store.Put(store.Item{Key: store.Key{PK: pk, SK: sk}, Type: thing,
		Body: json.RawMessage(fmt.Sprintf(`{"n":%d}`, n))})
}

func write(t testing.TB, st store.Store, ops ...store.Op) {
	t.Helper()
	if err := st.Write(context.Background(), ops...); err != nil {
		t.Fatalf("write: %v", err)
	}
}

// recorder is a consumer that keeps what it handled; fail, when set, decides whether an attempt
// fails.
type recorder struct {
	name string
	fail func(c store.Change) error
	mu   sync.Mutex
	got  []store.Change
}

func (r *recorder) Name() string { return r.name }

func (r *recorder) Handle(ctx context.Context, c store.Change) error {
	if r.fail != nil {
		if err := r.fail(c); err != nil {
			return err
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, c)
	return nil
}

func (r *recorder) changes() []store.Change {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]store.Change(nil), r.got...)
}

// run starts d.Run and returns a function that stops it and waits for it to return.
func run(t testing.TB, d *Dispatcher) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	waitFor(t, "Run to start", func() bool { return d.running() != nil })
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
	t.Cleanup(stop)
	return stop
}

// waitFor polls cond until it holds, failing the test after a generous timeout: it checks that
// something happens, not how fast.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func testLogger(buf *testenv.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// fast are options that keep the tests short.
func fast(log *testenv.Buffer) Options {
	o := Options{PollInterval: 50 * time.Millisecond,
		Backoff: Backoff{Initial: 10 * time.Millisecond, Max: 40 * time.Millisecond}}
	if log != nil {
		o.Logger = testLogger(log)
	}
	return o
}

// bodyN is the n field of an item's body, -1 for no item.
func bodyN(t testing.TB, it *store.Item) int {
	t.Helper()
	if it == nil {
		return -1
	}
	var b struct{ N int }
	if err := it.Decode(&b); err != nil {
		t.Fatalf("decode %s: %v", it.Body, err)
	}
	return b.N
}
