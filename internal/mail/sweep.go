package mail

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// sweepWorkers is how many mails a sweep sends at once, so one slow server answer does not hold
// up the mails behind it.
const sweepWorkers = 4

// Sweep tries the mails that are due: pending mails whose retry time has come, new mails the
// change feed has not sent within Grace, and mails whose sender's lease ended without an outcome
// (a crash mid-send). It returns how many it tried. Serve runs it from RunSweeper; on AWS a
// scheduled Lambda calls it.
func (o *Outbox) Sweep(ctx context.Context) (int, error) {
	now := o.opts.Now().UTC()
	page, err := o.st.Query(ctx, store.Query{Index: store.GSI1, PK: duePK,
		To: dueSK(now, "~"), Limit: o.opts.SweepLimit})
	if err != nil {
		return 0, fmt.Errorf("find due mails: %w", err)
	}
	keys := make([]store.Key, len(page.Items))
	for i, it := range page.Items {
		keys[i] = it.Key
	}
	return len(keys), o.attemptAll(ctx, keys)
}

// isDue allows a sweep to claim a mail whose retry time or lease end has come.
func isDue(r record, now time.Time) bool {
	return (r.Status == StatusPending || r.Status == StatusSending) && !r.DueAt.After(now)
}

// attemptAll tries the mails with sweepWorkers goroutines and returns the first store error.
func (o *Outbox) attemptAll(ctx context.Context, keys []store.Key) error {
	errs := make([]error, len(keys))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(sweepWorkers, len(keys)) {
		wg.Go(func() {
			for i := range next {
				errs[i] = o.attempt(ctx, keys[i], isDue)
			}
		})
	}
	for i := range keys {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// RunSweeper sweeps every interval until ctx is cancelled, logging failed sweeps.
func (o *Outbox) RunSweeper(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := o.Sweep(ctx); err != nil && ctx.Err() == nil {
			o.opts.Logger.WarnContext(ctx, "mail: sweep failed", "error", err)
		}
	}
}

// Depth counts the mails not yet sent nor given up: the outbox depth that metrics report.
func (o *Outbox) Depth(ctx context.Context) (int, error) {
	q := store.Query{Index: store.GSI1, PK: duePK, Limit: 1000}
	n := 0
	for {
		page, err := o.st.Query(ctx, q)
		if err != nil {
			return n, fmt.Errorf("count queued mails: %w", err)
		}
		n += len(page.Items)
		if page.Cursor == "" {
			return n, nil
		}
		q.Cursor = page.Cursor
	}
}
