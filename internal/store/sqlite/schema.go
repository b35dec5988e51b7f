package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the engine's schema steps; the database's PRAGMA user_version counts how many
// have run. Append only: a step, once released, never changes.
var migrations = []string{
	// 1: items, their two secondary indexes, and the change feed.
	`CREATE TABLE items (
		pk TEXT NOT NULL,
		sk TEXT NOT NULL,
		type TEXT NOT NULL DEFAULT '',
		gsi1pk TEXT,
		gsi1sk TEXT,
		gsi2pk TEXT,
		gsi2sk TEXT,
		expires_at INTEGER,
		body TEXT NOT NULL,
		PRIMARY KEY (pk, sk)
	) WITHOUT ROWID;
	CREATE INDEX items_gsi1 ON items (gsi1pk, gsi1sk, pk, sk) WHERE gsi1pk IS NOT NULL;
	CREATE INDEX items_gsi2 ON items (gsi2pk, gsi2sk, pk, sk) WHERE gsi2pk IS NOT NULL;
	CREATE INDEX items_expiry ON items (expires_at) WHERE expires_at IS NOT NULL;
	CREATE TABLE changes (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		pk TEXT NOT NULL,
		sk TEXT NOT NULL,
		type TEXT NOT NULL,
		old TEXT,
		new TEXT,
		at INTEGER NOT NULL
	);
	CREATE INDEX changes_at ON changes (at);`,
}

// migrate brings the schema of the database behind conn up to date in one transaction, so that a
// crash leaves either the old schema or the new one. The version is read inside that
// transaction, which takes the write lock first: two processes opening a new file at once
// (`serve` and `admin create-user`) migrate it once, the second finding it done.
func migrate(ctx context.Context, conn *sql.Conn) (err error) {
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fmt.Errorf("begin migration: %w", err)
	}
	defer func() {
		if err != nil {
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this program's %d", version, len(migrations))
	}
	if err := runMigrations(ctx, conn, version); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("commit migration: %w", err)
	}
	return nil
}

// runMigrations runs the steps after version from, inside migrate's transaction.
func runMigrations(ctx context.Context, conn *sql.Conn, from int) error {
	if from == len(migrations) {
		return nil
	}
	for v := from; v < len(migrations); v++ {
		if _, err := conn.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
		}
	}
	// PRAGMA takes no parameters; the number is ours, not outside input.
	setVersion := fmt.Sprintf("PRAGMA user_version = %d", len(migrations))
	if _, err := conn.ExecContext(ctx, setVersion); err != nil {
		return fmt.Errorf("set schema version: %w", err)
	}
	return nil
}
