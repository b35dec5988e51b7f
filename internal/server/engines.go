package server

import (
	"context"
	"fmt"

	"github.com/licensorhq/licensor/internal/blob/fsblob"
	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/metrics"
	"github.com/licensorhq/licensor/internal/store"
)

// openStore opens the configured store engine. Engines migrate their schema as they open.
func (s *Server) openStore(ctx context.Context) error {
	var engine store.Store
	switch s.cfg.Store {
	case config.StoreSQLite:
		// TODO: open internal/store/sqlite at s.cfg.DBPath() once the engine lands; until then
		// the server runs without a store and /readyz answers 503 "store not configured".
		s.log.Warn("no store: the SQLite engine is not wired yet", "path", s.cfg.DBPath())
	case config.StoreDynamoDB:
		// TODO: open internal/store/dynamo on table s.cfg.Table once it is wired.
		return fmt.Errorf("open store: dynamodb:%s is not supported yet", s.cfg.Table)
	}
	if engine != nil {
		s.engine, s.store = engine, metrics.Store(engine, s.metrics)
	}
	return nil
}

// openBlobs opens the configured blob engine.
func (s *Server) openBlobs() error {
	switch s.cfg.Blobs {
	case config.BlobsFile:
		b, err := fsblob.Open(s.cfg.BlobDir())
		if err != nil {
			return fmt.Errorf("open blobs in %s: %w", s.cfg.BlobDir(), err)
		}
		s.blobs = b
	case config.BlobsS3:
		// TODO: open internal/blob/s3blob on bucket s.cfg.Bucket once it is wired.
		return fmt.Errorf("open blobs: s3:%s is not supported yet", s.cfg.Bucket)
	}
	return nil
}
