package metrics

import (
	"context"
	"errors"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Store returns s with every call counted and timed. The result implements only store.Store:
// code that needs an engine's other methods (the change feed's ChangeReader, Backup) takes the
// engine itself, or Unwrap of the result.
func Store(s store.Store, m *Metrics) store.Store { return &meteredStore{s: s, m: m} }

type meteredStore struct {
	s store.Store
	m *Metrics
}

// Unwrap returns the engine under the metrics.
func (ms *meteredStore) Unwrap() store.Store { return ms.s }

func (ms *meteredStore) Get(ctx context.Context, k store.Key) (store.Item, error) {
	start := time.Now()
	it, err := ms.s.Get(ctx, k)
	ms.done("get", start, err)
	return it, err
}

func (ms *meteredStore) Query(ctx context.Context, q store.Query) (store.Page, error) {
	start := time.Now()
	p, err := ms.s.Query(ctx, q)
	ms.done("query", start, err)
	return p, err
}

func (ms *meteredStore) Write(ctx context.Context, ops ...store.Op) error {
	start := time.Now()
	err := ms.s.Write(ctx, ops...)
	ms.done("write", start, err)
	return err
}

func (ms *meteredStore) Ping(ctx context.Context) error {
	start := time.Now()
	err := ms.s.Ping(ctx)
	ms.done("ping", start, err)
	return err
}

func (ms *meteredStore) Close() error { return ms.s.Close() }

func (ms *meteredStore) done(op string, start time.Time, err error) {
	ms.m.storeDuration.WithLabelValues(op).Observe(time.Since(start).Seconds())
	ms.m.storeOps.WithLabelValues(op, outcome(err)).Inc()
}

// outcome classifies a store error by the contract's sentinels; outcomes are a fixed set, so
// that errors cannot grow the number of series.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, store.ErrNotFound):
		return "not_found"
	case errors.Is(err, store.ErrConflict):
		return "conflict"
	case errors.Is(err, store.ErrTooLarge), errors.Is(err, store.ErrInvalid):
		return "invalid"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "canceled"
	}
	return "error"
}
