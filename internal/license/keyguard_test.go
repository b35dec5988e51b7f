package license_test

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/throttle"
)

func TestKeyGuard(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.clock.step = 0
	g := license.NewKeyGuard(&throttle.Bucket{Store: e.st, Name: "license_key_ip", Rate: 2,
		Per: time.Minute, Burst: 3, Now: e.clock.Now})
	for i := range 3 {
		if wait, err := g.Failed(t.Context(), "192.0.2.1"); err != nil || wait != 0 {
			t.Fatalf("failure %d: wait %v, %v; want none", i+1, wait, err)
		}
	}
	if g.Blocked("192.0.2.1") != 0 {
		t.Error("blocked before the bucket is empty")
	}
	wait, err := g.Failed(t.Context(), "192.0.2.1")
	if err != nil || wait != 30*time.Second {
		t.Fatalf("fourth failure: wait %v, %v; want 30s", wait, err)
	}
	if got := g.Blocked("192.0.2.1"); got != 30*time.Second {
		t.Errorf("Blocked = %v; want 30s", got)
	}
	if got := g.Blocked("192.0.2.2"); got != 0 {
		t.Errorf("another IP is blocked for %v", got)
	}
	e.clock.Set(e.clock.Now().Add(30 * time.Second))
	if got := g.Blocked("192.0.2.1"); got != 0 {
		t.Errorf("still blocked for %v once a token is back", got)
	}
}
