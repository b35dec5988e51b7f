package server

import (
	"context"
	"fmt"

	"github.com/licensorhq/licensor/internal/blob/fsblob"
	"github.com/licensorhq/licensor/internal/blob/s3blob"
	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/metrics"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
)

// openStore opens the configured store engine. Engines migrate their schema as they open.
func (s *Server) openStore(ctx context.Context) error {
	opts := store.Options{Streamed: Streamed}
	var engine store.Store
	switch s.cfg.Store {
	case config.StoreSQLite:
		// TODO: open internal/store/sqlite at s.cfg.DBPath() once the engine lands; until then
		// the server runs without a store and /readyz answers 503 "store not configured".
		s.log.Warn("no store: the SQLite engine is not wired yet", "path", s.cfg.DBPath())
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
		s.engine, s.store = engine, metrics.Store(engine, s.metrics)
	}
	return nil
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
