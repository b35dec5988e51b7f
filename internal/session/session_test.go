package session_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
)

func TestNewAndLookup(t *testing.T) {
	t.Parallel()
	m, _ := open(t)
	token, s := start(t, m, "usr_1", 3)
	if !id.Valid(id.Session, s.ID) || s.Browser != "Firefox on Linux" || s.IP != "192.0.2.1" {
		t.Errorf("new session %+v", s)
	}
	got, err := m.Lookup(t.Context(), token)
	if err != nil || got.ID != s.ID || got.UserID != "usr_1" || got.Gen != 3 {
		t.Fatalf("Lookup = %+v, %v", got, err)
	}
	// The store keeps the digest, not the cookie.
	it, err := m.Store.Get(t.Context(), session.Key(s.Digest))
	if err != nil || strings.Contains(string(it.Body)+it.PK, token) {
		t.Errorf("session item %s/%s holds the cookie (err %v)", it.PK, it.Body, err)
	}
	for _, bad := range []string{"", "x", strings.Repeat("A", 43)} {
		if _, err := m.Lookup(t.Context(), bad); !errors.Is(err, session.ErrNoSession) {
			t.Errorf("Lookup(%q) = %v, want ErrNoSession", bad, err)
		}
	}
}

// TestLimits moves the clock: a session dies after 2 hours without a request, and 24 hours
// after sign-in even when used every hour.
func TestLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		steps []time.Duration // each followed by a request
		alive bool
	}{
		{"idle_just_under", []time.Duration{2*time.Hour - time.Second}, true},
		{"idle_reached", []time.Duration{2 * time.Hour}, false},
		{"used_hourly_23h", repeat(time.Hour, 23), true},
		{"used_hourly_24h", repeat(time.Hour, 24), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, c := open(t)
			token, _ := start(t, m, "usr_1", 0)
			var err error
			for _, d := range tt.steps {
				c.Advance(d)
				_, err = m.Lookup(t.Context(), token)
			}
			if alive := err == nil; alive != tt.alive {
				t.Errorf("last Lookup = %v; want alive %v", err, tt.alive)
			}
		})
	}
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// TestTouchOncePerMinute checks that the last request's time is written only when a minute old.
func TestTouchOncePerMinute(t *testing.T) {
	t.Parallel()
	m, c := open(t)
	token, s := start(t, m, "usr_1", 0)
	signIn := c.Now()
	c.Advance(59 * time.Second)
	lastSeen(t, m, token, signIn)
	c.Advance(time.Second)
	lastSeen(t, m, token, c.Now())
	stored, err := m.Store.Get(t.Context(), session.Key(s.Digest))
	if err != nil || !strings.Contains(string(stored.Body), c.Now().Format(time.RFC3339)) {
		t.Errorf("stored session %s (%v) lacks the last request time", stored.Body, err)
	}
}

func lastSeen(t *testing.T, m *session.Manager, token string, want time.Time) {
	t.Helper()
	got, err := m.Lookup(t.Context(), token)
	if err != nil {
		t.Fatal(err)
	}
	if !got.LastSeenAt.Equal(want) {
		t.Errorf("last seen %v, want %v", got.LastSeenAt, want)
	}
}

func TestTouchDoesNotRevive(t *testing.T) {
	t.Parallel()
	m, c := open(t)
	token, s := start(t, m, "usr_1", 0)
	got, err := m.Lookup(t.Context(), token)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Store.Write(t.Context(), session.EndOp(s)); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Minute)
	if _, err := m.Lookup(t.Context(), token); !errors.Is(err, session.ErrNoSession) {
		t.Errorf("Lookup after end = %v", err)
	}
	_, err = m.Store.Get(t.Context(), session.Key(got.Digest))
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the ended session is back: %v", err)
	}
}
