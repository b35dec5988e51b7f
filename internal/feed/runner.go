package feed

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// runner is the loop of one consumer. Only the loop goroutine reads and saves the position; the
// figures are atomics read by Stats.
type runner struct {
	d      *Dispatcher
	c      Consumer
	drains chan chan struct{}

	delivered atomic.Uint64
	failures  atomic.Uint64
	oldest    atomic.Int64 // unix nanoseconds of the oldest change not yet handled; 0 for none

	mu       sync.Mutex
	position string
}

func newRunner(d *Dispatcher, c Consumer) *runner {
	return &runner{d: d, c: c, drains: make(chan chan struct{})}
}

// loop reads batch after batch until a read comes back empty, then waits for a commit, the poll
// interval or a drain request. A drain request is answered by the first empty read that began
// after it arrived: everything committed before that read has then been handled.
func (r *runner) loop(ctx context.Context) {
	pos, ok := r.loadPosition(ctx)
	if !ok {
		return
	}
	var waiting []chan struct{}
	poll := time.NewTicker(r.d.opts.PollInterval)
	defer poll.Stop()
	for {
		changed := r.d.src.Changed() // taken before the read so no commit slips between
		asked := waiting
		n, ok := r.step(ctx, &pos)
		if !ok {
			return
		}
		if n > 0 {
			continue
		}
		waiting = answer(waiting, len(asked))
		select {
		case <-ctx.Done():
			return
		case <-changed:
		case <-poll.C:
		case q := <-r.drains:
			waiting = append(waiting, q)
		}
	}
}

// answer closes the first n drain requests and returns the others.
func answer(waiting []chan struct{}, n int) []chan struct{} {
	for _, q := range waiting[:n] {
		close(q)
	}
	return waiting[n:]
}

// step reads one batch after pos, delivers it and saves the new position. It returns how many
// changes it read, and false when ctx ended.
func (r *runner) step(ctx context.Context, pos *string) (int, bool) {
	changes, err := r.read(ctx, *pos)
	if err != nil {
		return 0, false
	}
	if len(changes) == 0 {
		return 0, true
	}
	if err := r.deliver(ctx, changes); err != nil {
		return 0, false
	}
	*pos = changes[len(changes)-1].Position
	return len(changes), r.savePosition(ctx, *pos)
}

// read reads a batch, retrying failed reads with backoff; it fails only when ctx ends.
func (r *runner) read(ctx context.Context, pos string) ([]store.Change, error) {
	for attempt := 1; ; attempt++ {
		changes, err := r.d.src.ReadChanges(ctx, pos, r.d.opts.BatchSize)
		if err == nil {
			return changes, nil
		}
		if !r.failed(ctx, attempt, "read change feed", err) {
			return nil, ctx.Err()
		}
	}
}

// deliver hands each change to the consumer in order, retrying each until it succeeds; it fails
// only when ctx ends.
func (r *runner) deliver(ctx context.Context, changes []store.Change) error {
	defer r.oldest.Store(0)
	for _, c := range changes {
		r.oldest.Store(c.At.UnixNano())
		if err := r.handle(ctx, c); err != nil {
			return fmt.Errorf("consumer %s: %w", r.c.Name(), err)
		}
		r.delivered.Add(1)
	}
	return nil
}

func (r *runner) handle(ctx context.Context, c store.Change) error {
	for attempt := 1; ; attempt++ {
		err := r.c.Handle(ctx, c)
		if err == nil {
			return nil
		}
		if !r.failed(ctx, attempt, "handle change", err) {
			return ctx.Err()
		}
	}
}

// failed logs and counts a failed attempt, then waits out the backoff; false means ctx ended.
func (r *runner) failed(ctx context.Context, attempt int, what string, err error) bool {
	if ctx.Err() != nil {
		return false // the error is most likely the cancellation itself
	}
	r.failures.Add(1)
	delay := r.d.opts.Backoff.Delay(attempt)
	r.d.opts.Logger.WarnContext(ctx, "change feed: "+what+" failed",
		"consumer", r.c.Name(), "attempt", attempt, "retry_in", delay, "error", err)
	return sleep(ctx, delay)
}

func (r *runner) drain(ctx context.Context, stopped <-chan struct{}) error {
	q := make(chan struct{})
	select {
	case r.drains <- q:
	case <-stopped:
		return ErrNotRunning
	case <-ctx.Done():
		return fmt.Errorf("consumer %s: %w", r.c.Name(), ctx.Err())
	}
	select {
	case <-q:
		return nil
	case <-stopped:
		return ErrNotRunning
	case <-ctx.Done():
		return fmt.Errorf("consumer %s: %w", r.c.Name(), ctx.Err())
	}
}

func (r *runner) stats(now time.Time) Stats {
	s := Stats{Consumer: r.c.Name(), Delivered: r.delivered.Load(), Failures: r.failures.Load()}
	if t := r.oldest.Load(); t != 0 {
		s.Lag = max(0, now.Sub(time.Unix(0, t)))
	}
	r.mu.Lock()
	s.Position = r.position
	r.mu.Unlock()
	return s
}
