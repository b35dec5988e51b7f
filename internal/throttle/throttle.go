// Package throttle slows down guessing: a backoff per sign-in address and a token bucket per
// client IP, kept in the store so that every server process, and every Lambda instance, sees
// the same counts.
//
// Items, all of type "throttle" (not streamed):
//
//	PK "throttle#<name>#<hash>"  SK "backoff"  body {failures, locked_until_ms, version}
//	PK "throttle#<name>#<hash>"  SK "bucket"   body {tat_ms, version}
//
// <name> is the Backoff's or Bucket's Name ("signin", "signin_ip", "license_key_ip", ...) and
// <hash> the lowercase hex SHA-256 of the caller's key (a normalised address, an IP), so that the
// table holds no address or IP in clear and keys have a bounded length. The hash is no secret:
// it only keeps the clear text out of sight. Each item expires (store.Item.ExpiresAt) once it
// stops mattering, so idle keys cost nothing and need no clean-up job.
//
// Every change is a read followed by a conditional write that holds only if the item's version
// is still the one read (or, for a new item, if there is still none); on store.ErrConflict the
// change is computed again from a fresh read. Concurrent failures therefore never lose a count.
package throttle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// ItemType is the type of every item this package writes.
const ItemType = "throttle"

// maxAttempts bounds the retries of one change under contention: far more than any real burst
// on one key needs, yet finite should an engine keep reporting conflicts.
const maxAttempts = 200

// itemKey returns the key of the item of kind sk for name and key.
func itemKey(name, key, sk string) store.Key {
	sum := sha256.Sum256([]byte(key))
	return store.Key{PK: "throttle#" + name + "#" + hex.EncodeToString(sum[:]), SK: sk}
}

// guard is the condition that the item is still as it was read: absent, or at version v.
func guard(found bool, v int64) store.Condition {
	if !found {
		return store.IfNotExists()
	}
	return store.IfField("version", store.Eq, v)
}

// load reads the item at k into body; found is false when there is none (or it has expired).
func load(ctx context.Context, st store.Store, k store.Key, body any) (found bool, err error) {
	it, err := st.Get(ctx, k)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", k.SK, err)
	}
	if err := it.Decode(body); err != nil {
		return false, fmt.Errorf("decode %s: %w", k.SK, err)
	}
	return true, nil
}

// retry runs try until it returns anything but a conflict, pausing a little longer after each
// conflict so that contenders spread out.
func retry(ctx context.Context, try func() error) error {
	for attempt := 1; ; attempt++ {
		err := try()
		if !errors.Is(err, store.ErrConflict) {
			return err
		}
		if attempt == maxAttempts {
			return fmt.Errorf("gave up after %d attempts: %w", attempt, err)
		}
		pause := time.Duration(rand.Int64N(int64(min(attempt, 20)) * int64(time.Millisecond)))
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// ceilSecond rounds t up to a whole second, as engines keep expiry to the second: rounding down
// would drop state early and let an attacker through sooner.
func ceilSecond(t time.Time) time.Time {
	if r := t.Truncate(time.Second); !r.Equal(t) {
		return r.Add(time.Second)
	}
	return t
}

// clock returns now, or time.Now when now is nil.
func clock(now func() time.Time) time.Time {
	if now == nil {
		return time.Now()
	}
	return now()
}
