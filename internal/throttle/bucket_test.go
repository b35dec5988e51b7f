package throttle

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

// take calls Allow n times and returns how many were allowed and the last retryAfter.
func take(t *testing.T, b *Bucket, key string, n int) (allowed int, retryAfter time.Duration) {
	t.Helper()
	for range n {
		ok, after, err := b.Allow(context.Background(), key)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			allowed++
			if after != 0 {
				t.Errorf("allowed with retryAfter %v", after)
			}
		}
		retryAfter = after
	}
	return allowed, retryAfter
}

// refillSteps are the steps of a throttle at its defaults (40 at once, then 20 a minute), each
// after the clock moved by advance: of tries, allowed are, the last one told to wait lastAfter.
// After half_interval the throttle holds half a token, so one_minute finds 20 and a half.
var refillSteps = []struct {
	name      string
	advance   time.Duration
	tries     int
	allowed   int
	lastAfter time.Duration
}{
	{"burst", 0, 41, 40, 3 * time.Second},
	{"one_interval", 3 * time.Second, 2, 1, 3 * time.Second},
	{"half_interval", 1500 * time.Millisecond, 1, 0, 1500 * time.Millisecond},
	{"one_minute", time.Minute - 1500*time.Millisecond, 21, 20, 3 * time.Second},
	{"idle_refills_to_burst", time.Hour, 41, 40, 3 * time.Second},
}

// runSteps runs refillSteps, take(n) trying n times and returning how many were allowed and
// the last wait.
func runSteps(t *testing.T, c *testenv.Clock, take func(n int) (int, time.Duration)) {
	t.Helper()
	for _, s := range refillSteps {
		c.Advance(s.advance)
		allowed, after := take(s.tries)
		if allowed != s.allowed || after != s.lastAfter {
			t.Errorf("%s: %d of %d allowed, last retryAfter %v; want %d, %v",
				s.name, allowed, s.tries, after, s.allowed, s.lastAfter)
		}
	}
}

func TestBucket(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Bucket{Store: st, Name: "signin_ip", Now: c.Now}
	runSteps(t, c, func(n int) (int, time.Duration) { return take(t, b, "192.0.2.1", n) })
}

func TestBucketConfig(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Bucket{Store: st, Name: "key_ip", Rate: 2, Per: time.Second, Burst: 3, Now: c.Now}
	if allowed, after := take(t, b, "192.0.2.1", 5); allowed != 3 || after != 500*time.Millisecond {
		t.Errorf("%d allowed, retryAfter %v; want 3, 500ms", allowed, after)
	}
	if allowed, _ := take(t, b, "192.0.2.2", 3); allowed != 3 {
		t.Errorf("another key: %d of 3 allowed", allowed)
	}
}

func TestBucketExpiry(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Bucket{Store: st, Name: "signin_ip", Now: c.Now}
	take(t, b, "192.0.2.1", 10)
	it, err := st.Get(context.Background(), itemKey("signin_ip", "192.0.2.1", "bucket"))
	if err != nil {
		t.Fatal(err)
	}
	// Ten tokens taken come back in 30 s: then the bucket is full and the item may go.
	if want := c.Now().Add(30 * time.Second); !it.ExpiresAt.Equal(want) {
		t.Errorf("item expires at %v; want %v", it.ExpiresAt, want)
	}
}

// TestBucketConcurrent takes tokens of one key from many goroutines at one instant: exactly the
// burst is allowed.
func TestBucketConcurrent(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Bucket{Store: st, Name: "signin_ip", Burst: 25, Now: c.Now}
	var allowed atomic.Int64
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			<-start
			ok, _, err := b.Allow(context.Background(), "192.0.2.1")
			if err != nil {
				t.Error(err)
			}
			if ok {
				allowed.Add(1)
			}
		})
	}
	close(start)
	wg.Wait()
	if got := allowed.Load(); got != 25 {
		t.Errorf("%d of 40 concurrent requests allowed; want the burst, 25", got)
	}
}
