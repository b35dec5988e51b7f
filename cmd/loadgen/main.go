// Command loadgen measures license validation end to end over HTTP: it starts a Licensor server
// (the real one, on a fresh SQLite store in a temporary directory) and, for comparison, a bare
// net/http server that answers the same JSON without any lookup or middleware, each in a child
// process of its own; then it sends POST /api/v1/license/validate from many goroutines for a
// fixed time to each in turn, and reports throughput, latency percentiles, each server's CPU and
// memory, and the ratio of Licensor to the bare server, measured in the same run.
//
//	go run ./cmd/loadgen                 # 64 concurrent clients, 10 s per server
//	go run ./cmd/loadgen -c 32 -d 5s
//	go run ./cmd/loadgen -cpuprofile cpu.out   # and the Licensor server's CPU profile
//
// The load generator runs on the same machine as the servers and takes part of its CPU; the
// ratio to the bare server, which suffers the same, is the figure to compare across machines.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// roleFlag makes a child process serve instead of generating load.
const roleFlag = "serve-role"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

// options are the command line's settings.
type options struct {
	concurrency int
	duration    time.Duration
	warmup      time.Duration
	role        string
	// cpuProfile, when set, is where the Licensor server writes its CPU profile.
	cpuProfile string
}

func run(ctx context.Context, args []string) error {
	var o options
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.IntVar(&o.concurrency, "c", 64, "concurrent clients")
	fs.DurationVar(&o.duration, "d", 10*time.Second, "measured time per server")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured load before each measure")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write the Licensor server's CPU profile to `file`")
	fs.StringVar(&o.role, roleFlag, "", "internal: serve as \"licensor\" or \"bare\"")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch o.role {
	case "licensor":
		return profiled(o.cpuProfile, func() error { return serveLicensor(ctx) })
	case "bare":
		return serveBare(ctx)
	case "":
		return compare(ctx, o)
	}
	return fmt.Errorf("unknown role %q", o.role)
}
