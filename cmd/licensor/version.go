package main

import (
	"context"
	"fmt"

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
