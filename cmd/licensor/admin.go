package main

import (
	"context"
	"fmt"

	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/store/dynamo"
)

const createTableHelp = `Usage: licensor admin create-table [--LICENSOR_STORE=dynamodb:TABLE]

Creates the DynamoDB table of LICENSOR_STORE with its indexes, stream and expiry, and waits
until it is active; a table that exists is left as it is. The AWS settings come from the
environment (AWS_REGION, credentials or role, AWS_ENDPOINT_URL_DYNAMODB).
`

const adminUsage = "usage: licensor admin create-table | create-bucket | create-user (see " +
	"licensor admin SUBCOMMAND --help)"

// admin runs the operator's commands that prepare a deployment rather than serve it.
func (c *cli) admin(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return &config.UsageError{Msg: adminUsage}
	}
	switch args[0] {
	case "create-table":
		return c.createTable(ctx, args[1:])
	case "create-bucket":
		return c.createBucket(ctx, args[1:])
	case "create-user":
		return c.createUser(ctx, args[1:])
	}
	return &config.UsageError{Msg: adminUsage}
}

// createTable creates the DynamoDB table of LICENSOR_STORE.
func (c *cli) createTable(ctx context.Context, args []string) error {
	cmd := config.Command{Name: "admin create-table", Settings: []string{"LICENSOR_STORE"},
		Help: createTableHelp}
	cfg, rest, err := config.Parse(cmd, args, c.getenv, c.stdout)
	if err != nil {
		return err
	}
	if len(rest) > 0 || cfg.Store != config.StoreDynamoDB {
		return &config.UsageError{Msg: "admin create-table: LICENSOR_STORE must be " +
			"dynamodb:TABLE, and no argument follows"}
	}
	dc, err := dynamo.NewConfig(ctx, cfg.Table, "")
	if err != nil {
		return fmt.Errorf("admin create-table: %w", err)
	}
	if err := dynamo.CreateTable(ctx, dc.DB, cfg.Table); err != nil {
		return fmt.Errorf("admin create-table: %w", err)
	}
	fmt.Fprintf(c.stdout, "table %s is active\n", cfg.Table)
	return nil
}
