package sqlite

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// sweepBatch bounds the rows one sweep transaction deletes, so that writes queued behind the
// sweep wait little.
const sweepBatch = 500

func (s *Store) startSweep() {
	if s.cfg.sweep <= 0 {
		return
	}
	s.sweeping.Add(1)
	go func() {
		defer s.sweeping.Done()
		t := time.NewTicker(s.cfg.sweep)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				if err := s.Sweep(context.Background()); err != nil {
					s.cfg.log.Warn("sqlite sweep failed", "error", err)
				}
			case <-s.stop:
				return
			}
		}
	}()
}

// Sweep deletes expired items, recording the removal of streamed ones in the feed, and changes
// older than the retention. The background sweep calls it; tests and tools may too.
func (s *Store) Sweep(ctx context.Context) error {
	for {
		n, err := s.runJob(ctx, s.sweepExpired)
		if err != nil {
			return fmt.Errorf("sweep expired items: %w", err)
		}
		if n < sweepBatch {
			break
		}
	}
	for {
		n, err := s.runJob(ctx, s.sweepChanges)
		if err != nil {
			return fmt.Errorf("sweep old changes: %w", err)
		}
		if n < sweepBatch {
			return nil
		}
	}
}

// sweepJob is a step of the sweep, run by the writer; it returns the rows it handled and the
// changes it recorded.
type sweepJob func(w *writer) (rows, changes int, err error)

// runJob runs job in the writer's next transaction and returns how many rows it handled.
func (s *Store) runJob(ctx context.Context, job sweepJob) (int, error) {
	var n atomic.Int64 // the caller may stop waiting while the job runs
	r := &request{ctx: ctx, done: make(chan error, 1), job: func(w *writer) (int, error) {
		rows, changes, err := job(w)
		n.Store(int64(rows))
		return changes, err
	}}
	err := s.submit(ctx, r)
	return int(n.Load()), err
}

func (s *Store) sweepExpired(w *writer) (int, int, error) {
	now := s.now()
	gone, err := w.expiredItems(now)
	if err != nil {
		return 0, 0, err
	}
	changes := 0
	for _, it := range gone {
		if err := w.exec(w.del, it.PK, it.SK); err != nil {
			return 0, 0, err
		}
		n, err := s.record(w, &it, nil, now)
		if err != nil {
			return 0, 0, err
		}
		changes += n
	}
	return len(gone), changes, nil
}

func (w *writer) expiredItems(now time.Time) ([]store.Item, error) {
	rows, err := w.expired.QueryContext(context.Background(), now.Unix(), sweepBatch)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var gone []store.Item
	for rows.Next() {
		it, err := scanRow(rows)
		if err != nil {
			return nil, err
		}
		gone = append(gone, it)
	}
	return gone, rows.Err()
}

func (s *Store) sweepChanges(w *writer) (int, int, error) {
	cutoff := s.now().Add(-s.cfg.retention).UnixMilli()
	res, err := w.dropChanges.ExecContext(context.Background(), cutoff, sweepBatch)
	if err != nil {
		return 0, 0, err
	}
	n, err := res.RowsAffected()
	return int(n), 0, err
}
