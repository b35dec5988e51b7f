package throttle

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestBackoffDoubling(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Backoff{Store: st, Name: "signin", Now: c.Now}
	ctx := context.Background()
	want := []time.Duration{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900}
	for i, w := range want {
		w *= time.Second
		got, err := b.Fail(ctx, "ann@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if got != w {
			t.Errorf("failure %d locks for %v; want %v", i+1, got, w)
		}
		if left := check(t, b, "ann@example.com"); left != w {
			t.Errorf("after failure %d Check = %v; want %v", i+1, left, w)
		}
	}
}

func check(t *testing.T, b *Backoff, key string) time.Duration {
	t.Helper()
	d, err := b.Check(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func fail(t *testing.T, b *Backoff, key string, times int) time.Duration {
	t.Helper()
	var d time.Duration
	for range times {
		var err error
		if d, err = b.Fail(context.Background(), key); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func TestBackoffLockEnds(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Backoff{Store: st, Name: "signin", Now: c.Now}
	fail(t, b, "ann@example.com", 3)
	steps := []struct {
		advance time.Duration
		want    time.Duration
	}{
		{0, 4 * time.Second},
		{1500 * time.Millisecond, 2500 * time.Millisecond},
		{2500 * time.Millisecond, 0},
		{time.Minute, 0},
	}
	for _, s := range steps {
		c.Advance(s.advance)
		if got := check(t, b, "ann@example.com"); got != s.want {
			t.Errorf("after %v more, Check = %v; want %v", s.advance, got, s.want)
		}
	}
	// The record is still there: the next failure doubles again.
	if got := fail(t, b, "ann@example.com", 1); got != 8*time.Second {
		t.Errorf("fourth failure locks for %v; want 8s", got)
	}
}

func TestBackoffSucceed(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Backoff{Store: st, Name: "signin", Now: c.Now}
	fail(t, b, "ann@example.com", 4)
	if err := b.Succeed(context.Background(), "ann@example.com"); err != nil {
		t.Fatal(err)
	}
	if got := check(t, b, "ann@example.com"); got != 0 {
		t.Errorf("after success Check = %v; want 0", got)
	}
	if got := fail(t, b, "ann@example.com", 1); got != time.Second {
		t.Errorf("first failure after success locks for %v; want 1s", got)
	}
	// Succeeding with no record is no error.
	if err := b.Succeed(context.Background(), "nobody@example.com"); err != nil {
		t.Errorf("Succeed without a record: %v", err)
	}
}

func TestBackoffForget(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		quiet time.Duration
		want  time.Duration
	}{
		{"remembered", 4*time.Second + 30*time.Minute, 8 * time.Second},
		{"forgotten", 4*time.Second + time.Hour + time.Second, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, c := open(t)
			b := &Backoff{Store: st, Name: "signin", Now: c.Now}
			fail(t, b, "ann@example.com", 3)
			c.Advance(tt.quiet)
			if got := fail(t, b, "ann@example.com", 1); got != tt.want {
				t.Errorf("failure after %v quiet locks for %v; want %v", tt.quiet, got, tt.want)
			}
		})
	}
}

func TestBackoffConfig(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Backoff{Store: st, Name: "signin", Base: 3 * time.Second, Max: 10 * time.Second,
		Now: c.Now}
	var got []time.Duration
	for range 4 {
		got = append(got, fail(t, b, "ann@example.com", 1))
	}
	want := []time.Duration{3 * time.Second, 6 * time.Second, 10 * time.Second, 10 * time.Second}
	if !slices.Equal(got, want) {
		t.Errorf("locks %v; want %v", got, want)
	}
}

func TestBackoffKeysApart(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	signin := &Backoff{Store: st, Name: "signin", Now: c.Now}
	other := &Backoff{Store: st, Name: "other", Now: c.Now}
	fail(t, signin, "ann@example.com", 2)
	if got := check(t, signin, "bob@example.com"); got != 0 {
		t.Errorf("another address is locked for %v", got)
	}
	if got := check(t, other, "ann@example.com"); got != 0 {
		t.Errorf("the same address under another name is locked for %v", got)
	}
}

func TestBackoffItem(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Backoff{Store: st, Name: "signin", Now: c.Now}
	fail(t, b, "ann@example.com", 1)
	k := itemKey("signin", "ann@example.com", "backoff")
	if !regexp.MustCompile(`^throttle#signin#[0-9a-f]{64}$`).MatchString(k.PK) {
		t.Errorf("item key %q", k.PK)
	}
	it, err := st.Get(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(it.Body)+it.PK, "ann") || it.Type != ItemType {
		t.Errorf("item %+v holds the address or has the wrong type", it)
	}
	// Expiry: the lock (1 s) and then an hour to forget it.
	if want := c.Now().Add(time.Second + time.Hour); !it.ExpiresAt.Equal(want) {
		t.Errorf("item expires at %v; want %v", it.ExpiresAt, want)
	}
}

// TestBackoffConcurrent fails one address from many goroutines at once: every failure must be
// counted, so the locks handed out are exactly Base, 2·Base, 4·Base, ... one each.
func TestBackoffConcurrent(t *testing.T) {
	t.Parallel()
	st, c := open(t)
	b := &Backoff{Store: st, Name: "signin", Base: time.Millisecond, Max: math.MaxInt64,
		Now: c.Now}
	const n = 40
	locks := make([]time.Duration, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			var err error
			if locks[i], err = b.Fail(context.Background(), "ann@example.com"); err != nil {
				t.Error(err)
			}
		})
	}
	close(start)
	wg.Wait()
	slices.Sort(locks)
	for i, d := range locks {
		if want := time.Millisecond << i; d != want {
			t.Fatalf("locks handed out %v; want 1ms doubling %d times", locks, n-1)
		}
	}
	if got, want := check(t, b, "ann@example.com"), time.Millisecond<<(n-1); got != want {
		t.Errorf("after %d concurrent failures Check = %v; want %v", n, got, want)
	}
}

func TestLockAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		base, max time.Duration
		n         int64
		want      time.Duration
	}{
		{0, 0, 1, time.Second},
		{0, 0, 10, 512 * time.Second},
		{0, 0, 11, 15 * time.Minute},
		{0, 0, 1000, 15 * time.Minute},
		{time.Second, math.MaxInt64, 64, math.MaxInt64},
		{time.Second, math.MaxInt64, 1 << 40, math.MaxInt64},
		{3 * time.Second, 10 * time.Second, 3, 10 * time.Second},
		{3 * time.Second, 12 * time.Second, 3, 12 * time.Second},
		{3 * time.Second, 13 * time.Second, 3, 12 * time.Second},
	}
	for _, tt := range tests {
		b := &Backoff{Base: tt.base, Max: tt.max}
		if got := b.lockAfter(tt.n); got != tt.want {
			t.Errorf("lockAfter(%d) with base %v, max %v = %v; want %v",
				tt.n, tt.base, tt.max, got, tt.want)
		}
	}
}
