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
	get     *sql.Stmt
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

// getSQL reads what Get does not know already: every column but the key.
const getSQL = `SELECT type, coalesce(gsi1pk, ''), coalesce(gsi1sk, ''), coalesce(gsi2pk, ''),
	coalesce(gsi2sk, ''), coalesce(expires_at, 0), body FROM items WHERE pk = ? AND sk = ? AND ` +
	alive

func (s *Store) prepareReads(ctx context.Context) error {
	var err error
	if s.reads.get, err = s.rdb.PrepareContext(ctx, getSQL); err != nil {
		return fmt.Errorf("prepare get: %w", err)
	}
	return nil
}

// errNotFound is returned as it is: Get's misses are frequent (sessions, idempotency keys), and
// its message leaves keys out, which may hold secrets' digests.
var errNotFound = fmt.Errorf("get: %w", store.ErrNotFound)

// Get returns the item at k, unless it is missing or expired.
func (s *Store) Get(ctx context.Context, k store.Key) (store.Item, error) {
	it, err := scanValue(s.reads.get.QueryRowContext(ctx, k.PK, k.SK, s.now().Unix()))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Item{}, errNotFound
	}
	if err != nil {
		return store.Item{}, fmt.Errorf("get: %w", err)
	}
	it.Key = k
	return it, nil
}

// sqlStmt is a statement prepared on the reader pool.
type sqlStmt = sql.Stmt
