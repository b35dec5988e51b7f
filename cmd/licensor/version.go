package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/licensorhq/licensor/internal/buildinfo"
	"github.com/licensorhq/licensor/internal/config"
)

func (c *cli) version(_ context.Context, args []string) error {
	if len(args) > 0 {
		return &config.UsageError{Msg: "version takes no arguments"}
	}
	fmt.Fprintln(c.stdout, buildinfo.Read())
	return nil
}

// backup writes a consistent copy of the SQLite store of LICENSOR_DATA_DIR to a new file, while
// the server may be running.
func (c *cli) backup(ctx context.Context, args []string) error {
	if len(args) != 1 || args[0] == "" || args[0][0] == '-' {
		return &config.UsageError{
			Msg: "usage: licensor backup FILE (LICENSOR_DATA_DIR names the store)"}
	}
	dest := args[0]
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		return &config.UsageError{Msg: fmt.Sprintf("backup: %s exists; choose a new file", dest)}
	}
	// TODO: open internal/store/sqlite at DATA_DIR/licensor.db and call its Backup(ctx, dest)
	// once the engine lands.
	_ = ctx
	return errors.New("backup: the SQLite engine is not wired into this build yet")
}

// admin runs the operator's commands that change the deployment rather than serve it.
func (c *cli) admin(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "create-table" {
		return &config.UsageError{Msg: "usage: licensor admin create-table"}
	}
	// TODO: create the DynamoDB table (LICENSOR_STORE=dynamodb:TABLE) with its indexes, TTL and
	// stream once internal/store/dynamo offers it.
	_ = ctx
	return errors.New("admin create-table: not implemented yet")
}
