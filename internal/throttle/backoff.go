package throttle

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Defaults of Backoff.
const (
	DefaultBase   = time.Second
	DefaultMax    = 15 * time.Minute
	DefaultForget = time.Hour
)

// Backoff locks a key (a sign-in address) after each failure, for Base after the first and twice
// as long after each further consecutive failure, up to Max. A success clears the record; so
// does a quiet period of Forget after the last lock ends. Callers pass the normalised address
// whether or not an account has it, so an unknown address is throttled exactly like a known one.
// The zero value of each field takes its default; a Backoff is safe for concurrent use.
type Backoff struct {
	Store store.Store
	// Name tells this backoff's items from others'; it must not contain '#'.
	Name string
	// Base is the first lock (default 1 s); Max caps the doubling (default 15 min).
	Base, Max time.Duration
	// Forget is how long after its lock ends a record is dropped (default 1 hour).
	Forget time.Duration
	// Now is the clock; nil means time.Now. Give the store the same clock.
	Now func() time.Time
}

// backoffBody is the body of a backoff item.
type backoffBody struct {
	Failures    int64 `json:"failures"`
	LockedUntil int64 `json:"locked_until_ms"`
	Version     int64 `json:"version"`
}

// Check returns how long key stays locked: 0 when it may try now.
func (b *Backoff) Check(ctx context.Context, key string) (time.Duration, error) {
	var body backoffBody
	if _, err := load(ctx, b.Store, itemKey(b.Name, key, "backoff"), &body); err != nil {
		return 0, fmt.Errorf("check backoff: %w", err)
	}
	return max(0, time.UnixMilli(body.LockedUntil).Sub(clock(b.Now))), nil
}

// Fail records a failure for key and returns how long key is now locked.
func (b *Backoff) Fail(ctx context.Context, key string) (time.Duration, error) {
	k := itemKey(b.Name, key, "backoff")
	var lock time.Duration
	err := retry(ctx, func() error {
		var cur backoffBody
		found, err := load(ctx, b.Store, k, &cur)
		if err != nil {
			return err
		}
		lock = b.lockAfter(cur.Failures + 1)
		now := clock(b.Now)
		next := backoffBody{Failures: cur.Failures + 1, Version: cur.Version + 1,
			LockedUntil: now.Add(lock).UnixMilli()}
		expires := ceilSecond(now.Add(lock + b.forget()))
		return put(ctx, b.Store, k, next, expires, guard(found, cur.Version))
	})
	if err != nil {
		return 0, fmt.Errorf("record failure: %w", err)
	}
	return lock, nil
}

// Succeed clears key's record after a successful attempt.
func (b *Backoff) Succeed(ctx context.Context, key string) error {
	if err := b.Store.Write(ctx, store.Delete(itemKey(b.Name, key, "backoff"))); err != nil {
		return fmt.Errorf("clear backoff: %w", err)
	}
	return nil
}

// lockAfter returns the lock after n consecutive failures: Base·2^(n-1), at most Max.
func (b *Backoff) lockAfter(n int64) time.Duration {
	base, limit := or(b.Base, DefaultBase), or(b.Max, DefaultMax)
	lock := base
	for i := int64(1); i < n; i++ {
		// Past half the limit the next doubling reaches it; stopping here also keeps the
		// doubling from overflowing whatever Max is.
		if lock > limit/2 {
			return limit
		}
		lock *= 2
	}
	return min(lock, limit)
}

func (b *Backoff) forget() time.Duration { return or(b.Forget, DefaultForget) }

// or returns d, or def when d is not positive.
func or(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// put writes body at k, expiring at expires, if cond holds.
func put(ctx context.Context, st store.Store, k store.Key, body any, expires time.Time,
	cond store.Condition) error {
	raw, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("encode %s: %w", k.SK, err)
	}
	it := store.Item{Key: k, Type: ItemType, ExpiresAt: expires, Body: raw}
	return st.Write(ctx, store.Put(it).When(cond))
}
