package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

// TestBackupWhileServing makes an account on a running server, backs the store up while the
// server still runs, then serves the copy alone in a new data dir: the account is in it.
func TestBackupWhileServing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	env := serveIn(t, dir)
	c, _, _ := testCLI(env)
	ctx := context.Background()
	args := []string{"admin", "create-user", "--email", "kept@client.example", "--name", "Kept"}
	if err := c.run(ctx, args); err != nil {
		t.Fatalf("create-user: %v", err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	b, stdout, _ := testCLI(env)
	if err := b.run(ctx, []string{"backup", copyPath}); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if !strings.Contains(stdout.String(), copyPath) {
		t.Errorf("backup printed %q, want the copy's path", stdout)
	}
	if err := b.run(ctx, []string{"backup", copyPath}); exitCode(err, stdout) != 2 {
		t.Errorf("backup onto an existing file: %v, want a usage error", err)
	}

	restored := t.TempDir()
	raw, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(restored, "licensor.db"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	again, _, _ := testCLI(serveIn(t, restored))
	err = again.run(ctx, args)
	if err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("create-user on the restored copy: %v, want the account to exist", err)
	}
}

// serveIn runs `licensor serve` on data dir dir until the test ends and returns its settings.
func serveIn(t *testing.T, dir string) map[string]string {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t))
	env := map[string]string{"LICENSOR_ADDR": addr, "LICENSOR_DATA_DIR": dir,
		"LICENSOR_PUBLIC_URL": "http://" + addr, "LICENSOR_LOG_FORMAT": "json"}
	srv, _, _ := testCLI(env)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.run(ctx, []string{"serve"}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	testenv.WaitTCP(t, addr, 10*time.Second)
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("/readyz: %v %v", resp, err)
	}
	resp.Body.Close()
	return env
}
