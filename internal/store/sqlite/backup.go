package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// Backup writes a consistent copy of the database to the new file dest while the store runs.
// VACUUM INTO reads one snapshot, so writes go on meanwhile and are not in the copy; dest must not
// exist yet.
func (s *Store) Backup(ctx context.Context, dest string) error {
	// A connection of its own: readers are query_only, and the writer must not wait for the copy.
	db, err := sql.Open(driverName, dsn(s.path, false))
	if err != nil {
		return fmt.Errorf("open %s for backup: %w", s.path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	return nil
}
