package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

// TestServe starts the server in-process on a free port, asks it for /healthz and stops it by
// ending the context, as SIGTERM does.
func TestServe(t *testing.T) {
	t.Parallel()
	addr := fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t))
	c, _, stderr := testCLI(map[string]string{
		"LICENSOR_ADDR": addr, "LICENSOR_DATA_DIR": t.TempDir(), "LICENSOR_LOG_FORMAT": "json",
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.run(ctx, []string{"serve"}) }()
	testenv.WaitTCP(t, addr, 10*time.Second)

	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var body struct{ Status string }
	err = json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || body.Status != "ok" {
		t.Errorf("/healthz: %d %+v %v, want 200 ok", resp.StatusCode, body, err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after the context ended, want nil", err)
		}
	case <-time.After(30 * time.Second): // a hang guard, not a speed target
		t.Fatal("serve did not stop after the context ended")
	}
	if t.Failed() {
		t.Logf("server log:\n%s", stderr)
	}
}
