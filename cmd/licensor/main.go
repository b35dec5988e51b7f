// Command licensor is Licensor's one binary: `licensor serve` runs the server; `version`,
// `backup` and `admin` are the operator's tools. It parses the command line and calls into
// internal/; see `licensor help`.
//
// Exit status: 0 on success, 2 for a wrong command line or setting (one line on stderr naming
// it, nothing created), 1 for a failure while running.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/licensorhq/licensor/internal/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal kills the process at once
	}()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run runs the command line args with the process's environment.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := &cli{stdout: stdout, stderr: stderr, getenv: os.Getenv}
	return c.run(ctx, args)
}

// exitCode reports err on stderr, in one line, and returns the exit status for it.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil, errors.Is(err, config.ErrHelp):
		return 0
	case config.IsUsage(err):
		fmt.Fprintf(stderr, "licensor: %v\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "licensor: %v\n", err)
	return 1
}
