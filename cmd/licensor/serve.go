package main

import (
	"context"

	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/server"
)

// serve validates every setting, then creates the data directory, opens the engines and serves
// until ctx ends (SIGTERM or SIGINT), shutting down gracefully.
func (c *cli) serve(ctx context.Context, args []string) error {
	cfg, err := config.Load(args, c.getenv, c.stdout)
	if err != nil {
		return err
	}
	if err := cfg.Prepare(); err != nil {
		return err
	}
	log := server.NewLogger(c.stderr, cfg.LogFormat)
	s, err := server.New(ctx, cfg, log)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}
