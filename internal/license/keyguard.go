package license

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/licensorhq/licensor/internal/throttle"
)

// KeyGuard throttles failed key authentications per client IP (SECURITY.md, "License keys").
//
// Each failure that looked a key up (a well-formed key that opens no license: a guess) takes a
// token from the IP's bucket in the store, shared by every process. Once the bucket is empty
// the IP is remembered in memory until a token is back, and every request from it is refused
// before any work, so a blocked guesser costs no store access. Malformed keys cost no lookup,
// so a store write each would cost more than they do: they take a token of a bucket of the same
// size kept in this process's memory (Malformed) instead. The memory is per process: on Lambda,
// an instance that has not seen the IP fail lets one request through, which fails again at the
// bucket.
type KeyGuard struct {
	Bucket *throttle.Bucket
	// Malformed counts the malformed keys of each IP.
	Malformed *throttle.Local
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	mu      sync.Mutex
	until   map[string]time.Time
	blocked atomic.Int64 // len(until), read without the lock on the hot path
}

// NewKeyGuard returns a guard on bucket, counting malformed keys in memory with its settings.
func NewKeyGuard(bucket *throttle.Bucket) *KeyGuard {
	return &KeyGuard{Bucket: bucket, Now: bucket.Now, Malformed: &throttle.Local{
		Rate: bucket.Rate, Per: bucket.Per, Burst: bucket.Burst, Now: bucket.Now}}
}

func (g *KeyGuard) now() time.Time {
	if g.Now == nil {
		return time.Now()
	}
	return g.Now()
}

// Blocked returns how long ip stays refused; 0 when it may try.
func (g *KeyGuard) Blocked(ip string) time.Duration {
	if g.blocked.Load() == 0 {
		return 0
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	left := g.until[ip].Sub(g.now())
	if left <= 0 {
		g.forget(ip)
		return 0
	}
	return left
}

// Failed records a failed authentication from ip and returns how long ip is now refused (0:
// it may try again at once).
func (g *KeyGuard) Failed(ctx context.Context, ip string) (time.Duration, error) {
	ok, wait, err := g.Bucket.Allow(ctx, ip)
	if err != nil || ok {
		return 0, err
	}
	return g.block(ip, wait), nil
}

// FailedMalformed records a malformed key from ip, in memory, and returns how long ip is now
// refused (0: it may try again at once).
func (g *KeyGuard) FailedMalformed(ip string) time.Duration {
	ok, wait := g.Malformed.Allow(ip)
	if ok {
		return 0
	}
	return g.block(ip, wait)
}

// block refuses ip for wait.
func (g *KeyGuard) block(ip string, wait time.Duration) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.until == nil {
		g.until = map[string]time.Time{}
	}
	if _, known := g.until[ip]; !known {
		g.blocked.Add(1)
	}
	g.until[ip] = g.now().Add(wait)
	return wait
}

func (g *KeyGuard) forget(ip string) {
	if _, ok := g.until[ip]; ok {
		delete(g.until, ip)
		g.blocked.Add(-1)
	}
}
