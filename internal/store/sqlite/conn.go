package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/store"
)

// writer is the one connection that writes, and its prepared statements. Only the writer
// goroutine uses it.
type writer struct {
	conn                           *sql.Conn
	begin, commit, rollback        *sql.Stmt
	savepoint, release, rollbackTo *sql.Stmt
	load, put, del, change         *sql.Stmt
	expired, dropChanges           *sql.Stmt
}

var writerSQL = []struct {
	text string
	stmt func(w *writer) **sql.Stmt
}{
	{"BEGIN IMMEDIATE", func(w *writer) **sql.Stmt { return &w.begin }},
	{"COMMIT", func(w *writer) **sql.Stmt { return &w.commit }},
	{"ROLLBACK", func(w *writer) **sql.Stmt { return &w.rollback }},
	{"SAVEPOINT w", func(w *writer) **sql.Stmt { return &w.savepoint }},
	{"RELEASE w", func(w *writer) **sql.Stmt { return &w.release }},
	{"ROLLBACK TO w", func(w *writer) **sql.Stmt { return &w.rollbackTo }},
	{"SELECT " + itemColumns + " FROM items WHERE pk = ? AND sk = ?",
		func(w *writer) **sql.Stmt { return &w.load }},
	{`INSERT OR REPLACE INTO items (pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expires_at, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, func(w *writer) **sql.Stmt { return &w.put }},
	{"DELETE FROM items WHERE pk = ? AND sk = ?", func(w *writer) **sql.Stmt { return &w.del }},
	{"INSERT INTO changes (pk, sk, type, old, new, at) VALUES (?, ?, ?, ?, ?, ?)",
		func(w *writer) **sql.Stmt { return &w.change }},
	{"SELECT " + itemColumns + " FROM items WHERE expires_at <= ? ORDER BY expires_at LIMIT ?",
		func(w *writer) **sql.Stmt { return &w.expired }},
	{"DELETE FROM changes WHERE seq IN (SELECT seq FROM changes WHERE at < ? LIMIT ?)",
		func(w *writer) **sql.Stmt { return &w.dropChanges }},
}

// newWriter takes the writer connection for the store's lifetime, migrates the schema and
// prepares the statements.
func (s *Store) newWriter(ctx context.Context) (*writer, error) {
	conn, err := s.wdb.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect writer: %w", err)
	}
	w := &writer{conn: conn}
	if err := migrate(ctx, conn); err != nil {
		w.close()
		return nil, err
	}
	for _, d := range writerSQL {
		st, err := conn.PrepareContext(ctx, d.text)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare %q: %w", d.text, err)
		}
		*d.stmt(w) = st
	}
	return w, nil
}

func (w *writer) close() {
	for _, d := range writerSQL {
		if st := *d.stmt(w); st != nil {
			_ = st.Close()
		}
	}
	_ = w.conn.Close()
}

func (w *writer) exec(st *sql.Stmt, args ...any) error {
	_, err := st.ExecContext(context.Background(), args...)
	return err
}

// finish commits the transaction, or rolls it back when abort is set or the commit fails.
func (w *writer) finish(abort bool) error {
	if abort {
		if err := w.exec(w.rollback); err != nil {
			return fmt.Errorf("roll back: %w", err)
		}
		return nil
	}
	if err := w.exec(w.commit); err != nil {
		if rbErr := w.exec(w.rollback); rbErr != nil {
			return errors.Join(err, rbErr)
		}
		return err
	}
	return nil
}

// loadItem reads the stored item at k, expired or not; found is false when there is none.
func (w *writer) loadItem(k store.Key) (it store.Item, found bool, err error) {
	it, err = scanRow(w.load.QueryRowContext(context.Background(), k.PK, k.SK))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Item{}, false, nil
	}
	if err != nil {
		return store.Item{}, false, fmt.Errorf("load %s/%s: %w", k.PK, k.SK, err)
	}
	return it, true, nil
}
