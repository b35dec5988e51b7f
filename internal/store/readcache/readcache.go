// Package readcache keeps in memory the items that are read far more often than they are
// written (the validation records of license keys), in front of a store.
//
// It is correct only where every write of the cached items goes through it: one process that
// owns its store, as `licensor serve` owns the SQLite file. A write through the cache evicts the
// items it touches once it has returned, so a Get that starts after a Write returned sees that
// write, as it would on the store itself. A Get that raced a write never fills the cache with
// what it read. Several processes writing one store (Lambda instances on DynamoDB) must not put
// a cache in front of it: each would keep answering what the others changed.
package readcache

import (
	"context"
	"sync"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Store is a store.Store that answers Get from memory for the keys it caches. It is safe for
// concurrent use. Items it returns share their Body with the cache: callers must not modify it.
type Store struct {
	next   store.Store
	cached func(store.Key) bool
	max    int
	now    func() time.Time

	mu    sync.Mutex
	items map[store.Key]store.Item
	// writing counts the writes of cached keys under way, and gen those that returned. A Get
	// fills the cache only when no such write is under way and none returned while it read:
	// what it read may be older than a write's commit otherwise.
	writing int
	gen     uint64
}

// New returns next with the items whose key cached accepts kept in memory, at most max of them
// (when full, the cache starts again empty). Misses are not kept: a key that opens nothing costs
// a store read each time, and no memory. now is the clock of expiry; nil means time.Now.
func New(next store.Store, cached func(store.Key) bool, max int, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{next: next, cached: cached, max: max, now: now,
		items: map[store.Key]store.Item{}}
}

// Unwrap returns the store under the cache.
func (s *Store) Unwrap() store.Store { return s.next }

// Get returns the item at k, from memory when it is there.
func (s *Store) Get(ctx context.Context, k store.Key) (store.Item, error) {
	if !s.cached(k) {
		return s.next.Get(ctx, k)
	}
	it, gen, ok := s.lookup(k)
	if ok {
		return it, nil
	}
	it, err := s.next.Get(ctx, k)
	if err == nil {
		s.fill(it, gen)
	}
	return it, err
}

// lookup returns the cached item at k, or the generation a read of the store starts at.
func (s *Store) lookup(k store.Key) (store.Item, uint64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[k]
	if ok && it.Expired(s.now()) {
		delete(s.items, k)
		ok = false
	}
	return it, s.gen, ok
}

// fill keeps it, read from the store at generation gen, unless a write returned since.
func (s *Store) fill(it store.Item, gen uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen || s.writing > 0 {
		return
	}
	if len(s.items) >= s.max {
		clear(s.items)
	}
	s.items[it.Key] = it
}

// Write applies ops to the store and evicts the cached items they touch, both before and
// after, whatever the outcome: a write that failed late (a timeout) may still have been applied.
// While it runs, reads of cached keys go to the store and fill nothing, so that no reader sees
// the new item and then the old one.
func (s *Store) Write(ctx context.Context, ops ...store.Op) error {
	if !s.touches(ops) {
		return s.next.Write(ctx, ops...)
	}
	s.begin(ops)
	defer s.end(ops)
	return s.next.Write(ctx, ops...)
}

func (s *Store) touches(ops []store.Op) bool {
	for _, op := range ops {
		if s.cached(op.Target()) {
			return true
		}
	}
	return false
}

// begin starts a write of cached keys.
func (s *Store) begin(ops []store.Op) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writing++
	s.forget(ops)
}

// end ends a write of cached keys.
func (s *Store) end(ops []store.Op) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writing--
	s.gen++
	s.forget(ops)
}

func (s *Store) forget(ops []store.Op) {
	for _, op := range ops {
		delete(s.items, op.Target())
	}
}

// Query reads the store: queries are not cached.
func (s *Store) Query(ctx context.Context, q store.Query) (store.Page, error) {
	return s.next.Query(ctx, q)
}

// Ping pings the store.
func (s *Store) Ping(ctx context.Context) error { return s.next.Ping(ctx) }

// Close closes the store.
func (s *Store) Close() error { return s.next.Close() }
