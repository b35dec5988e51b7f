package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/sqlite"
)

const backupHelp = `Usage: licensor backup [--LICENSOR_DATA_DIR=DIR] FILE

Writes a consistent copy of the embedded store (DIR/licensor.db) to FILE, a new file, while the
server may be running. To restore, stop the server and put the copy in place of licensor.db.
The key secret (DIR/license-key.secret) and the blobs (DIR/blobs) are files: copy them as they
are.
`

// backup writes a consistent copy of the SQLite store of LICENSOR_DATA_DIR to a new file.
func (c *cli) backup(ctx context.Context, args []string) error {
	cmd := config.Command{Name: "backup", Settings: []string{"LICENSOR_DATA_DIR"}, Help: backupHelp}
	cfg, rest, err := config.Parse(cmd, args, c.getenv, c.stdout)
	if err != nil {
		return err
	}
	if len(rest) != 1 || rest[0] == "" {
		return &config.UsageError{Msg: "usage: licensor backup [--LICENSOR_DATA_DIR=DIR] FILE"}
	}
	dest := rest[0]
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		return &config.UsageError{Msg: fmt.Sprintf("backup: %s exists; choose a new file", dest)}
	}
	if _, err := os.Stat(cfg.DBPath()); err != nil {
		return fmt.Errorf("backup: no store at %s: %w", cfg.DBPath(), err)
	}
	// No sweep: the server sweeps, knowing which types its change feed carries.
	st, err := sqlite.Open(ctx, cfg.DBPath(), store.Options{}, sqlite.WithSweepInterval(0))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	err = st.Backup(ctx, dest)
	if err = errors.Join(err, st.Close()); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(c.stdout, "wrote a copy of %s to %s\n", cfg.DBPath(), dest)
	return nil
}
