package main

import (
	"context"

	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/server"
)

// serve validates every setting and takes the listening address, then creates the data
// directory, opens the engines and serves until ctx ends (SIGTERM or SIGINT), shutting down
// gracefully. The address comes first so that a busy port stops the start before anything is
// created.
func (c *cli) serve(ctx context.Context, args []string) error {
	cfg, err := config.Load(args, c.getenv, c.stdout)
	if err != nil {
		return err
	}
	l, err := server.Listen(cfg.Addr)
	if err != nil {
		return err
	}
	if err := cfg.Prepare(); err != nil {
		_ = l.Close()
		return err
	}
	log := server.NewLogger(c.stderr, cfg.LogFormat)
	s, err := server.New(ctx, cfg, log)
	if err != nil {
		_ = l.Close()
		return err
	}
	return s.Serve(ctx, l)
}
