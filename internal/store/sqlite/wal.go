package sqlite

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// walSwitchTimeout bounds how long an open waits to switch the file to WAL.
const walSwitchTimeout = 10 * time.Second

// setWAL puts the file in WAL mode. The switch needs the file to itself, and while another
// connection opens the same new file SQLite refuses it with SQLITE_BUSY at once, without
// waiting as busy_timeout asks: so the switch is tried again, a few milliseconds apart.
func (s *Store) setWAL(ctx context.Context) error {
	deadline := time.Now().Add(walSwitchTimeout)
	for {
		var mode string
		err := s.wdb.QueryRowContext(ctx, "PRAGMA journal_mode = wal").Scan(&mode)
		if err == nil || !errors.Is(err, sqlite3.BUSY) || time.Now().After(deadline) {
			if err != nil {
				return fmt.Errorf("set journal mode of %s: %w", s.path, err)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}
