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
	batch := make([]*request, 0, maxBatch)
	last := 1
	for {
		select {
		case r := <-s.queue:
			batch = s.gather(append(batch[:0], r), last)
			last = len(batch)
			s.commit(w, batch)
			clear(batch)
		case <-s.stop:
			s.refuseQueued()
			return
		}
	}
}

// gather takes whatever else is queued. When writes are arriving concurrently (more than one is
// queued, or the last batch had several), it waits up to the gather time for as many as the last
// batch held: callers answered by the last commit are usually about to write again.
func (s *Store) gather(batch []*request, last int) []*request {
	batch = drain(s.queue, batch)
	if s.cfg.gather <= 0 || (len(batch) == 1 && last == 1) {
		return batch
	}
	timer := time.NewTimer(s.cfg.gather)
	defer timer.Stop()
	for len(batch) < min(last, maxBatch) {
		select {
		case r := <-s.queue:
			batch = drain(s.queue, append(batch, r))
		case <-timer.C:
			return batch
		}
	}
	return batch
}

func drain(queue chan *request, batch []*request) []*request {
	for len(batch) < maxBatch {
		select {
		case r := <-queue:
			batch = append(batch, r)
		default:
			return batch
		}
	}
	return batch
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

// commit runs a batch in one transaction, each request in its own savepoint, commits once and
// then answers every request: none is acknowledged before the commit is durable.
func (s *Store) commit(w *writer, batch []*request) {
	errs := make([]error, len(batch))
	if err := w.exec(w.begin); err != nil {
		answerAll(batch, fmt.Errorf("write: begin: %w", err))
		return
	}
	changed := 0
	single := len(batch) == 1
	for i, r := range batch {
		n, err := s.applyRequest(w, r, single)
		errs[i] = err
		changed += n
	}
	if err := w.finish(single && errs[0] != nil); err != nil {
		answerAll(batch, fmt.Errorf("write: commit: %w", err))
		return
	}
	s.stats.committed(batch, errs)
	if changed > 0 {
		s.feed.notify()
	}
	for i, r := range batch {
		r.done <- errs[i]
	}
}

func answerAll(batch []*request, err error) {
	for _, r := range batch {
		r.done <- err
	}
}

// applyRequest runs one request inside a savepoint (unless it is the batch's only one, whose
// failure rolls back the whole transaction instead) and returns how many changes it recorded.
//
// The statements run without the caller's context: cancelling one statement would disturb the
// transaction the whole batch shares. A caller's context is only checked before its turn.
func (s *Store) applyRequest(w *writer, r *request, single bool) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, fmt.Errorf("write: %w", err)
	}
	if !single {
		if err := w.exec(w.savepoint); err != nil {
			return 0, fmt.Errorf("write: savepoint: %w", err)
		}
	}
	n, err := s.apply(w, r)
	if single {
		if err != nil {
			return 0, err // the whole transaction rolls back
		}
		return n, nil
	}
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
