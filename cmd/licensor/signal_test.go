package main

import (
	"net/http"
	"syscall"
	"testing"

	"github.com/licensorhq/licensor/internal/testenv"
)

// TestSIGTERM runs the built binary and stops it with SIGTERM, as a service manager does: it
// must shut down gracefully and exit with status 0.
func TestSIGTERM(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	base, cmd := testenv.Licensor(t)
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("licensor after SIGTERM: %v, want exit status 0", err)
	}
}
