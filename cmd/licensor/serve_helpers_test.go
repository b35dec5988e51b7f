package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

// setenv sets variables of the process until t ends; t cannot run in parallel.
func setenv(t *testing.T, vars map[string]string) {
	t.Helper()
	for k, v := range vars {
		t.Setenv(k, v)
	}
}

// uniqueName is prefix and 12 random lower-case letters and digits: a name for a table or a
// bucket of one test.
func uniqueName(prefix string) string {
	return prefix + strings.ToLower(rand.Text())[:12]
}

// serveUntilEnd runs `serve` with c in the background until t ends, and waits until it listens
// on addr. At the end it stops the server by ending its context, as SIGTERM does, and reports
// an error serve returned, with the server's log.
func serveUntilEnd(t *testing.T, c *cli, stderr *bytes.Buffer, addr string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.run(ctx, []string{"serve"}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v\n%s", err, stderr)
		}
	})
	testenv.WaitTCP(t, addr, 30*time.Second)
}
