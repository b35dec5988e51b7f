package feed

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/testenv"
)

// TestFailingConsumerDoesNotBlockOthers breaks one consumer on the second change: the other
// receives everything meanwhile, and the broken one is retried with a growing, capped backoff,
// each attempt logged and counted, then resumes in order once it works again.
func TestFailingConsumerDoesNotBlockOthers(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	const n = 20
	for i := range n {
		write(t, st, put("p", fmt.Sprint(i), i))
	}
	var broken atomic.Bool
	broken.Store(true)
	bad := &recorder{name: "bad", fail: func(c store.Change) error {
		if broken.Load() && bodyN(t, c.New) == 1 {
			return errors.New("boom")
		}
		return nil
	}}
	good := &recorder{name: "good"}
	var log testenv.Buffer
	d, _ := New(st, st, []Consumer{bad, good}, fast(&log))
	run(t, d)
	waitFor(t, "the good consumer", func() bool { return len(good.changes()) == n })
	waitFor(t, "four failures", func() bool { return d.Stats()[0].Failures >= 4 })
	if got := len(bad.changes()); got != 1 {
		t.Fatalf("broken consumer handled %d changes, want 1", got)
	}
	broken.Store(false)
	drain(t, d)
	if got := summarize(t, bad.changes()); len(got) != n || got[1].New != 1 || got[n-1].New != n-1 {
		t.Errorf("after the repair: %v", got)
	}
	checkRetryLog(t, log.String())
}

func checkRetryLog(t *testing.T, log string) {
	t.Helper()
	for _, want := range []string{
		"level=WARN msg=\"change feed: handle change failed\" consumer=bad attempt=1 retry_in=10ms error=boom",
		"consumer=bad attempt=2 retry_in=20ms",
		"consumer=bad attempt=3 retry_in=40ms",
		"consumer=bad attempt=4 retry_in=40ms",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "consumer=good") {
		t.Errorf("the good consumer logged failures:\n%s", log)
	}
}

func TestDrainDeliversWhatIsCommitted(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	slow := &recorder{name: "slow", fail: func(store.Change) error {
		time.Sleep(time.Millisecond)
		return nil
	}}
	opts := fast(nil)
	opts.PollInterval = time.Hour // only commits and drains wake the loop
	opts.BatchSize = 7
	d, _ := New(st, st, []Consumer{slow}, opts)
	run(t, d)
	const n = 100
	for i := 0; i < n; i += 10 {
		ops := make([]store.Op, 10)
		for j := range ops {
			ops[j] = put(fmt.Sprint("p", j), fmt.Sprint(i+j), i+j)
		}
		write(t, st, ops...)
	}
	drain(t, d)
	if got := len(slow.changes()); got != n {
		t.Errorf("after Drain: %d changes handled, want %d", got, n)
	}
	if s := d.Stats()[0]; s.Delivered != n || s.Lag != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestDrainGivesUpWithContext(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	write(t, st, put("p", "1", 1))
	stuck := &recorder{name: "stuck", fail: func(store.Change) error { return errors.New("down") }}
	d, _ := New(st, st, []Consumer{stuck}, fast(nil))
	run(t, d)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := d.Drain(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Drain: %v, want the context's deadline", err)
	}
}

func TestLag(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	release := make(chan struct{})
	blocked := &recorder{name: "blocked", fail: func(store.Change) error {
		<-release
		return nil
	}}
	later := time.Now().Add(time.Hour)
	opts := fast(nil)
	opts.Now = func() time.Time { return later }
	d, _ := New(st, st, []Consumer{blocked}, opts)
	run(t, d)
	write(t, st, put("p", "1", 1))
	waitFor(t, "a lag", func() bool { return d.Stats()[0].Lag > 59*time.Minute })
	close(release)
	waitFor(t, "no lag", func() bool { return d.Stats()[0].Lag == 0 })
}
