package server

import (
	"context"
	"fmt"

	"github.com/licensorhq/licensor/internal/blob/fsblob"
	"github.com/licensorhq/licensor/internal/blob/s3blob"
	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/metrics"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
	"github.com/licensorhq/licensor/internal/store/readcache"
	"github.com/licensorhq/licensor/internal/store/sqlite"
)

// openStore opens the configured store engine. Engines migrate their schema as they open.
func (s *Server) openStore(ctx context.Context) error {
	opts := store.Options{Streamed: Streamed}
	var engine store.Store
	switch s.cfg.Store {
	case config.StoreSQLite:
		db, err := sqlite.Open(ctx, s.cfg.DBPath(), opts, sqlite.WithLogger(s.log))
		if err != nil {
			return fmt.Errorf("open store: %w", err)
		}
		if err := s.sqliteMetrics(db); err != nil {
			_ = db.Close()
			return err
		}
		engine = db
	case config.StoreDynamoDB:
		// The AWS settings come from the environment (AWS_REGION, credentials or the role,
		// AWS_ENDPOINT_URL_DYNAMODB for DynamoDB Local).
		dc, err := dynamo.NewConfig(ctx, s.cfg.Table, "")
		if err != nil {
			return fmt.Errorf("open store: %w", err)
		}
		if engine, err = dynamo.Open(ctx, dc, opts); err != nil {
			return fmt.Errorf("open store: %w", err)
		}
	}
	if engine != nil {
		s.engine, s.store = engine, s.cached(metrics.Store(engine, s.metrics))
	}
	return nil
}

// recordsCached bounds the validation records kept in memory: about 300 bytes each.
const recordsCached = 100_000

// cached puts the validation records of license keys in memory, in front of st, on the SQLite
// engine only: this process is then the one writer of its store, so every change of a record
// goes through the cache (package readcache). On DynamoDB other processes (Lambda instances)
// write too, and every validation reads the table.
func (s *Server) cached(st store.Store) store.Store {
	if s.cfg.Store != config.StoreSQLite {
		return st
	}
	return readcache.New(st, license.IsRecordKey, recordsCached, nil)
}

// openBlobs opens the configured blob engine.
func (s *Server) openBlobs(ctx context.Context) error {
	switch s.cfg.Blobs {
	case config.BlobsFile:
		b, err := fsblob.Open(s.cfg.BlobDir())
		if err != nil {
			return fmt.Errorf("open blobs in %s: %w", s.cfg.BlobDir(), err)
		}
		s.blobs = b
	case config.BlobsS3:
		// The AWS settings come from the environment, as for DynamoDB (AWS_ENDPOINT_URL_S3).
		client, err := s3blob.NewClient(ctx, s3blob.ClientOptions{})
		if err != nil {
			return fmt.Errorf("open blobs: %w", err)
		}
		b, err := s3blob.Open(ctx, s3blob.Config{Bucket: s.cfg.Bucket, Client: client})
		if err != nil {
			return fmt.Errorf("open blobs: %w", err)
		}
		s.blobs = b
	}
	return nil
}

// sqliteMetrics reports the group commit of the SQLite engine: how many writes share a commit.
func (s *Server) sqliteMetrics(db *sqlite.Store) error {
	counters := []struct {
		name, help string
		value      func(sqlite.Stats) int64
	}{
		{"licensor_sqlite_commits_total", "Transactions the SQLite writer committed.",
			func(st sqlite.Stats) int64 { return st.Commits }},
		{"licensor_sqlite_writes_total", "Writes the SQLite writer committed.",
			func(st sqlite.Stats) int64 { return st.Writes }},
		{"licensor_sqlite_failed_writes_total", "Writes refused inside the SQLite writer.",
			func(st sqlite.Stats) int64 { return st.Failed }},
		{"licensor_sqlite_batched_writes_total",
			"Writes committed in a transaction shared with others (group commit).",
			func(st sqlite.Stats) int64 { return st.BatchedWrites }},
	}
	for _, c := range counters {
		value := c.value
		read := func() float64 { return float64(value(db.Stats())) }
		if err := s.metrics.CounterFunc(c.name, c.help, nil, read); err != nil {
			return err
		}
	}
	return nil
}
