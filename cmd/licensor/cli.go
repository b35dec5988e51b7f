package main

import (
	"context"
	"fmt"
	"io"

	"github.com/licensorhq/licensor/internal/config"
)

// cli runs one command line; tests build it with their own environment and writers.
type cli struct {
	stdout, stderr io.Writer
	getenv         func(string) string
}

// command is one subcommand.
type command struct {
	name, usage string
	run         func(c *cli, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "serve the web UI and the API (see licensor serve --help)", (*cli).serve},
		{"version", "print the version, commit and Go version", (*cli).version},
		{"backup", "backup FILE: write a consistent copy of the embedded store", (*cli).backup},
		{"admin", "admin create-table | create-bucket | create-user: create the DynamoDB " +
			"table; create the private S3 bucket; make an account and print its set-password " +
			"link", (*cli).admin},
	}
}

func (c *cli) run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		c.help(c.stderr)
		return &config.UsageError{Msg: "no command given"}
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		c.help(c.stdout)
		return nil
	}
	for _, cmd := range commands() {
		if cmd.name == args[0] {
			return cmd.run(c, ctx, args[1:])
		}
	}
	return &config.UsageError{Msg: fmt.Sprintf("unknown command %q (see licensor help)", args[0])}
}

func (c *cli) help(w io.Writer) {
	fmt.Fprintln(w, "Usage: licensor COMMAND [ARGUMENTS]\n\nCommands:")
	for _, cmd := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", cmd.name, cmd.usage)
	}
}
