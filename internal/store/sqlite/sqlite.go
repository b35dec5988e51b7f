// Package sqlite is the embedded storage engine: store.Store and store.ChangeReader on one SQLite
// file, through a pure-Go driver.
//
// One writer connection applies every write. Concurrent Write calls queue, and a single writer
// goroutine commits whatever is queued in one transaction (group commit), each write inside its own
// savepoint so that a failed condition undoes only that write. A write is acknowledged only after
// the commit is durable (WAL, synchronous=FULL). Reads go through a pool of query_only connections
// and never wait for the writer.
//
// Items of streamed types are recorded in a changes table in the same transaction as the write,
// which ReadChanges reads. A background sweep deletes expired items, recording their removal for
// streamed types as DynamoDB's TTL does, and deletes changes older than the retention.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Store is the SQLite engine. It is safe for concurrent use.
type Store struct {
	opts     store.Options
	cfg      config
	now      func() time.Time
	path     string
	wdb, rdb *sql.DB
	reads    readStmts
	queue    chan *request
	stop     chan struct{}
	exited   chan struct{}
	sweeping sync.WaitGroup
	feed     notifier
	stats    counters
	closing  sync.Once
}

var (
	_ store.Store        = (*Store)(nil)
	_ store.ChangeReader = (*Store)(nil)
)

// Open opens, creating when missing, the database file at path and migrates its schema.
func Open(ctx context.Context, path string, opts store.Options, options ...Option) (*Store, error) {
	cfg := defaults()
	for _, o := range options {
		o(&cfg)
	}
	s := &Store{opts: opts, cfg: cfg, now: opts.Clock(), path: path,
		queue: make(chan *request, 4096), stop: make(chan struct{}), exited: make(chan struct{})}
	s.feed.init()
	if err := s.openDBs(ctx); err != nil {
		return nil, err
	}
	w, err := s.newWriter(ctx)
	if err != nil {
		_ = s.closeDBs()
		return nil, err
	}
	if err := s.prepareReads(ctx); err != nil {
		w.close()
		_ = s.closeDBs()
		return nil, err
	}
	go s.run(w)
	s.startSweep()
	return s, nil
}

func (s *Store) openDBs(ctx context.Context) error {
	var err error
	if s.wdb, err = sql.Open(driverName, dsn(s.path, false)); err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	s.wdb.SetMaxOpenConns(1)
	s.wdb.SetConnMaxLifetime(0)
	if err := s.setWAL(ctx); err != nil {
		_ = s.wdb.Close()
		return err
	}
	if s.rdb, err = sql.Open(driverName, dsn(s.path, true)); err != nil {
		_ = s.wdb.Close()
		return fmt.Errorf("open %s for reading: %w", s.path, err)
	}
	s.rdb.SetMaxOpenConns(s.cfg.readers)
	s.rdb.SetMaxIdleConns(s.cfg.readers)
	s.rdb.SetConnMaxLifetime(0)
	return nil
}

func (s *Store) closeDBs() error {
	s.reads.close()
	errR := s.rdb.Close()
	errW := s.wdb.Close()
	if errW != nil {
		return fmt.Errorf("close writer: %w", errW)
	}
	if errR != nil {
		return fmt.Errorf("close readers: %w", errR)
	}
	return nil
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.rdb.PingContext(ctx); err != nil {
		return fmt.Errorf("ping sqlite: %w", err)
	}
	return nil
}

// Close stops the writer and the sweep, answers queued writes with an error and closes the file.
// Writes after Close fail.
func (s *Store) Close() error {
	err := fmt.Errorf("sqlite store already closed: %w", store.ErrInvalid)
	s.closing.Do(func() {
		close(s.stop)
		<-s.exited
		s.sweeping.Wait()
		err = s.closeDBs()
	})
	return err
}

// config holds the engine's own settings, beyond store.Options.
type config struct {
	readers   int
	retention time.Duration
	sweep     time.Duration
	gather    time.Duration
	log       *slog.Logger
}

func defaults() config {
	return config{readers: max(4, runtime.GOMAXPROCS(0)), retention: 7 * 24 * time.Hour,
		sweep: time.Minute, gather: 2 * time.Millisecond, log: slog.Default()}
}

// Option changes an engine setting at Open.
type Option func(*config)

// WithRetention keeps changes in the feed for d (default 7 days) before the sweep deletes them.
func WithRetention(d time.Duration) Option { return func(c *config) { c.retention = d } }

// WithSweepInterval runs the sweep of expired items and old changes every d (default a minute).
func WithSweepInterval(d time.Duration) Option { return func(c *config) { c.sweep = d } }

// WithLogger sets where the background sweep reports its failures (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.log = l } }

// WithReaders sets the number of reader connections (default the larger of 4 and GOMAXPROCS).
func WithReaders(n int) Option { return func(c *config) { c.readers = max(1, n) } }

// WithGatherWait sets how long the writer waits for more writes when several are queued (default
// 2ms); 0 commits what is queued at once.
func WithGatherWait(d time.Duration) Option { return func(c *config) { c.gather = d } }
