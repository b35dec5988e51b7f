package feed

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Dispatcher delivers a store's change feed to consumers. Build it with New; Run, Drain, Stats
// and Deliver are safe to call concurrently.
type Dispatcher struct {
	st      store.Store
	src     store.ChangeReader
	opts    Options
	runners []*runner

	mu   sync.Mutex
	done chan struct{} // closed when the current Run returns; nil when not running
}

// New returns a dispatcher for the given consumers, whose names must be distinct and not empty.
// Positions are saved in st; changes are read from src, which may be nil for a dispatcher that
// is only used through Deliver.
func New(st store.Store, src store.ChangeReader, consumers []Consumer, opts Options) (
	*Dispatcher, error) {
	if err := checkNames(consumers); err != nil {
		return nil, err
	}
	d := &Dispatcher{st: st, src: src, opts: opts.withDefaults()}
	for _, c := range consumers {
		d.runners = append(d.runners, newRunner(d, c))
	}
	return d, nil
}

// Run delivers changes until ctx is cancelled, each consumer in its own goroutine, and returns
// once they have all stopped. A change being retried when ctx ends is delivered again by the
// next Run, from the last saved position.
func (d *Dispatcher) Run(ctx context.Context) error {
	if d.src == nil {
		return errors.New("feed: run without a change reader")
	}
	done, err := d.start()
	if err != nil {
		return err
	}
	defer d.stop(done)
	var wg sync.WaitGroup
	for _, r := range d.runners {
		wg.Go(func() { r.loop(ctx) })
	}
	wg.Wait()
	return nil
}

func (d *Dispatcher) start() (chan struct{}, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done != nil {
		return nil, errors.New("feed: dispatcher already running")
	}
	d.done = make(chan struct{})
	return d.done, nil
}

func (d *Dispatcher) stop(done chan struct{}) {
	d.mu.Lock()
	defer d.mu.Unlock()
	close(done)
	d.done = nil
}

func (d *Dispatcher) running() chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.done
}

// Drain waits until every consumer has handled every change committed before the call, or ctx
// ends. Serve calls it on SIGTERM, after the HTTP server has stopped taking requests and before
// it cancels Run. It returns ErrNotRunning when Run is not running.
func (d *Dispatcher) Drain(ctx context.Context) error {
	stopped := d.running()
	if stopped == nil {
		return ErrNotRunning
	}
	errs := make([]error, len(d.runners))
	var wg sync.WaitGroup
	for i, r := range d.runners {
		wg.Go(func() { errs[i] = r.drain(ctx, stopped) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("drain change feed: %w", err)
	}
	return nil
}

// Deliver hands the given changes, in order, to every consumer, the consumers concurrently, each
// change retried with backoff until it succeeds or ctx ends. It saves no position: the Lambda
// that handles DynamoDB Streams batches calls it, and returns its error so the stream retries
// the batch. An error names the consumers that did not finish.
func (d *Dispatcher) Deliver(ctx context.Context, changes []store.Change) error {
	errs := make([]error, len(d.runners))
	var wg sync.WaitGroup
	for i, r := range d.runners {
		wg.Go(func() { errs[i] = r.deliver(ctx, changes) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Stats is what a consumer has done since the dispatcher was built.
type Stats struct {
	Consumer string
	// Delivered counts changes the consumer handled without error.
	Delivered uint64
	// Failures counts attempts that returned an error, and failed reads of the feed.
	Failures uint64
	// Lag is the age of the oldest change read for the consumer and not yet handled; 0 when it
	// has handled all it has read.
	Lag time.Duration
	// Position is where the consumer resumes after a restart: the last position it saved or
	// loaded; "" for the beginning.
	Position string
}

// Stats returns the figures of every consumer, in the order they were given to New.
func (d *Dispatcher) Stats() []Stats {
	now := d.opts.Now()
	out := make([]Stats, len(d.runners))
	for i, r := range d.runners {
		out[i] = r.stats(now)
	}
	return out
}
