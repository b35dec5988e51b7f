// Package feed delivers the change feed of a store to its consumers.
//
// A Dispatcher reads the changes that a store.ChangeReader captures and hands each one to every
// registered Consumer. Each consumer runs its own loop from its own saved position, so a consumer
// that fails is retried with backoff without holding up the others. Positions are saved in the
// store itself after each batch, which makes delivery at least once: after a crash a consumer
// resumes from its last saved position and may see the changes of its last batch again, so
// consumers must be idempotent.
//
// On AWS the same consumers are fed by a Lambda that receives batches from DynamoDB Streams; it
// calls Dispatcher.Deliver, which retries and counts the same way but saves no position (the
// stream keeps it).
package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Consumer handles the changes of the feed. Every consumer sees every change of every streamed
// type and keeps those it wants (by Change.Type). Handle may be called again with a change it
// has already handled, and must then change nothing more: consumers are idempotent. A returned
// error makes the dispatcher retry the same change, after a backoff, until it succeeds.
type Consumer interface {
	// Name identifies the consumer and its saved position; it must not change between releases,
	// or the consumer starts again from the beginning of what the engine retains.
	Name() string
	Handle(ctx context.Context, c store.Change) error
}

// PositionType is the item type of saved positions. It must not be streamed.
const PositionType = "feed_position"

// PositionKey is where the position of the named consumer is saved.
func PositionKey(consumer string) store.Key {
	return store.Key{PK: "feed", SK: "position#" + consumer}
}

// ErrNotRunning is returned by Drain when Run is not running.
var ErrNotRunning = errors.New("feed: dispatcher is not running")

// Options tune a Dispatcher. The zero value is usable.
type Options struct {
	// BatchSize is the most changes read at once; a position is saved after each batch.
	BatchSize int
	// PollInterval is how often a waiting consumer reads again when no commit woke it; it is
	// the only wake-up when the engine's Changed returns nil.
	PollInterval time.Duration
	// Backoff spaces the retries of a failed change (and of failed reads of the store).
	Backoff Backoff
	// Logger receives a warning per failed attempt; nil means slog.Default().
	Logger *slog.Logger
	// Now is the clock used for lag; nil means time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.BatchSize <= 0 {
		o.BatchSize = 1000
	}
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if o.Backoff.Initial <= 0 {
		o.Backoff.Initial = time.Second
	}
	if o.Backoff.Max <= 0 {
		o.Backoff.Max = time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Backoff is an exponential backoff: Initial after the first failure, doubling up to Max.
type Backoff struct {
	Initial, Max time.Duration
}

// Delay is how long to wait after the given failed attempt (1 for the first).
func (b Backoff) Delay(attempt int) time.Duration {
	d := b.Initial
	for i := 1; i < attempt && d < b.Max; i++ {
		d *= 2
	}
	return min(d, b.Max)
}

// sleep waits for d or until ctx is done, reporting whether the full wait elapsed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func checkNames(consumers []Consumer) error {
	seen := make(map[string]bool, len(consumers))
	for _, c := range consumers {
		n := c.Name()
		if n == "" || seen[n] {
			return fmt.Errorf("feed: consumer name %q is empty or used twice", n)
		}
		seen[n] = true
	}
	return nil
}
