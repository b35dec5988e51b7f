package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// request is one queued Write, or one job of the engine's own (the sweep), answered on done.
type request struct {
	ctx  context.Context
	ops  []prepared
	job  func(w *writer) (int, error)
	done chan error
}

// maxBatch bounds the writes of one transaction, which bounds how long a commit holds the lock.
const maxBatch = 256

// Write applies ops atomically, after store.Validate, and returns once the commit is durable.
func (s *Store) Write(ctx context.Context, ops ...store.Op) error {
	if err := store.Validate(ops); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	prepared, err := prepare(ops)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return s.submit(ctx, &request{ctx: ctx, ops: prepared, done: make(chan error, 1)})
}

// submit queues r for the writer goroutine and waits for its answer. A caller that gives up
// (ctx done) does not know whether the write happened; the writer skips requests whose context is
// already done when it reaches them.
func (s *Store) submit(ctx context.Context, r *request) error {
	select {
	case s.queue <- r:
	case <-s.stop:
		return fmt.Errorf("write: store closed: %w", store.ErrInvalid)
	case <-ctx.Done():
		return fmt.Errorf("write: %w", ctx.Err())
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("write: outcome unknown: %w", ctx.Err())
	case <-s.exited:
		select {
		case err := <-r.done:
			return err
		default:
			return fmt.Errorf("write: store closed: %w", store.ErrInvalid)
		}
	}
}

// run is the writer goroutine: it commits batches of queued requests until Close.
func (s *Store) run(w *writer) {
	defer close(s.exited)
	defer w.close()
	b := &batch{reqs: make([]*request, 0, maxBatch), errs: make([]error, 0, maxBatch), last: 1}
	for {
		select {
		case r := <-s.queue:
			s.commit(w, b, r)
		case <-s.stop:
			s.refuseQueued()
			return
		}
	}
}

func (s *Store) refuseQueued() {
	for {
		select {
		case r := <-s.queue:
			r.done <- fmt.Errorf("write: store closed: %w", store.ErrInvalid)
		default:
			return
		}
	}
}

// commit runs first and the requests that queue meanwhile in one transaction, commits once and
// then answers every request: none is acknowledged before the commit is durable.
func (s *Store) commit(w *writer, b *batch, first *request) {
	b.start(first)
	defer b.reset()
	if err := w.exec(w.begin); err != nil {
		b.answerAll(fmt.Errorf("write: begin: %w", err))
		return
	}
	changed, abort := 0, false
	if b.last == 1 && len(s.queue) == 0 {
		changed, abort = s.applyAlone(w, b)
	} else {
		changed = s.applyShared(w, b)
	}
	if err := w.finish(abort); err != nil {
		b.answerAll(fmt.Errorf("write: commit: %w", err))
		return
	}
	s.stats.committed(b.reqs, b.errs)
	if changed > 0 {
		s.feed.notify()
	}
	for i, r := range b.reqs {
		r.done <- b.errs[i]
	}
}

// applyAlone runs a request that no other is waiting beside without a savepoint: its failure
// rolls back the whole transaction instead (abort).
func (s *Store) applyAlone(w *writer, b *batch) (changed int, abort bool) {
	r := b.reqs[0]
	if err := r.ctx.Err(); err != nil {
		b.errs[0] = fmt.Errorf("write: %w", err)
		return 0, true
	}
	n, err := s.apply(w, r)
	b.errs[0] = err
	return n, err != nil
}

// applyShared runs the first request, then each request as it arrives, each in its own
// savepoint, until none is queued. While fewer have come than the last batch held, it waits up
// to the gather time for more: callers answered by the last commit are usually about to write
// again. Applying each request as it comes, rather than after gathering, keeps the writer busy
// while the others are still preparing theirs.
func (s *Store) applyShared(w *writer, b *batch) int {
	changed := 0
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for i := 0; ; i++ {
		n, err := s.applyRequest(w, b.reqs[i])
		b.errs[i] = err
		changed += n
		if len(b.reqs) == maxBatch {
			return changed
		}
		select {
		case r := <-s.queue:
			b.add(r)
			continue
		default:
		}
		if s.cfg.gather <= 0 || len(b.reqs) >= b.last {
			return changed
		}
		if timer == nil {
			timer = time.NewTimer(s.cfg.gather)
		}
		select {
		case r := <-s.queue:
			b.add(r)
		case <-timer.C:
			return changed
		}
	}
}

// applyRequest runs one request inside a savepoint and returns how many changes it recorded;
// when it fails, only its own changes are rolled back.
//
// The statements run without the caller's context: cancelling one statement would disturb the
// transaction the whole batch shares. A caller's context is only checked before its turn.
func (s *Store) applyRequest(w *writer, r *request) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, fmt.Errorf("write: %w", err)
	}
	if err := w.exec(w.savepoint); err != nil {
		return 0, fmt.Errorf("write: savepoint: %w", err)
	}
	n, err := s.apply(w, r)
	if err != nil {
		if rbErr := w.exec(w.rollbackTo); rbErr != nil {
			return 0, fmt.Errorf("write: roll back %w: %w", err, rbErr)
		}
		n = 0
	}
	if relErr := w.exec(w.release); relErr != nil && err == nil {
		return 0, fmt.Errorf("write: release savepoint: %w", relErr)
	}
	return n, err
}

func (s *Store) apply(w *writer, r *request) (int, error) {
	if r.job != nil {
		return r.job(w)
	}
	return s.applyOps(w, r.ops)
}
