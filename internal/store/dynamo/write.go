package dynamo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// maxAttempts bounds the attempts of one write that transaction conflicts, throttling or an
// expired item in the way make us repeat.
const maxAttempts = 10

// attempt is the state of a write between attempts.
type attempt struct {
	ops []store.Op
	// expired maps an update's index to the TTL of the expired item found in its place.
	expired map[int]int64
}

// errRetry says the attempt changed nothing and the write should be tried again.
type errRetry struct{ why error }

func (e *errRetry) Error() string { return "retry: " + e.why.Error() }

// Write applies ops atomically: one operation that may safely be resent as its plain request,
// another or several as one TransactWriteItems (see resendable). Conditions are condition
// expressions, evaluated by DynamoDB.
func (s *Store) Write(ctx context.Context, ops ...store.Op) error {
	if err := store.Validate(ops); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	a := &attempt{ops: ops, expired: map[int]int64{}}
	for n := 1; ; n++ {
		err := s.try(ctx, a)
		var retry *errRetry
		if !errors.As(err, &retry) {
			return err
		}
		if n == maxAttempts {
			return fmt.Errorf("write: gave up after %d attempts: %w", n, retry.why)
		}
		if err := sleep(ctx, n); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
}

func (s *Store) try(ctx context.Context, a *attempt) error {
	now := s.nowSec()
	switch {
	case len(a.ops) == 1 && a.ops[0].Kind == store.OpCheck:
		return s.check(ctx, a.ops[0], now)
	case len(a.ops) == 1 && resendable(a.ops[0], a.expired[0]):
		return s.single(ctx, a, now)
	}
	return s.transact(ctx, a, now)
}

// check answers a lone check with a consistent read, which costs half a transaction's units.
func (s *Store) check(ctx context.Context, op store.Op, now int64) error {
	m, err := s.getAttrs(ctx, op.Key)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	ok, err := holds(*op.If, m, now)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if !ok {
		return &store.ConditionError{Index: 0, Key: op.Key}
	}
	return nil
}

// sleep waits before attempt n+1: exponential backoff with full jitter, from 10ms to 1s.
func sleep(ctx context.Context, n int) error {
	d := min(10*time.Millisecond<<n, time.Second)
	t := time.NewTimer(rand.N(d) + time.Millisecond)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
