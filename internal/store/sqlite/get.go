package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/licensorhq/licensor/internal/store"
)

// readStmts are the reader pool's prepared statements. Query statements are prepared on first use
// of each shape of query and kept.
type readStmts struct {
	once    sync.Once
	get     *sql.Stmt
	err     error
	mu      sync.Mutex
	queries map[string]*sqlStmt
}

func (r *readStmts) close() {
	if r.get != nil {
		_ = r.get.Close()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, st := range r.queries {
		_ = st.Close()
	}
}

const getSQL = `SELECT ` + itemColumns + ` FROM items WHERE pk = ? AND sk = ? AND ` + alive

func (s *Store) getStmt(ctx context.Context) (*sql.Stmt, error) {
	s.reads.once.Do(func() {
		s.reads.get, s.reads.err = s.rdb.PrepareContext(ctx, getSQL)
	})
	return s.reads.get, s.reads.err
}

// Get returns the item at k, unless it is missing or expired.
func (s *Store) Get(ctx context.Context, k store.Key) (store.Item, error) {
	st, err := s.getStmt(ctx)
	if err != nil {
		return store.Item{}, fmt.Errorf("prepare get: %w", err)
	}
	it, err := scanRow(st.QueryRowContext(ctx, k.PK, k.SK, s.now().Unix()))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Item{}, fmt.Errorf("get %s/%s: %w", k.PK, k.SK, store.ErrNotFound)
	}
	if err != nil {
		return store.Item{}, fmt.Errorf("get %s/%s: %w", k.PK, k.SK, err)
	}
	return it, nil
}

// sqlStmt is a statement prepared on the reader pool.
type sqlStmt = sql.Stmt
