package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/metrics"
)

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	env := map[string]string{"LICENSOR_DATA_DIR": filepath.Join(t.TempDir(), "data")}
	cfg, err := config.Load(nil, func(k string) string { return env[k] }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Prepare(); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeAndShutdown serves on a listener, then checks the order of the shutdown: requests
// drained, hooks run, engines closed, Serve returns nil.
func TestServeAndShutdown(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	s, err := New(ctx, testConfig(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	hooked := make(chan struct{})
	s.OnShutdown(func(ctx context.Context) error {
		if _, ok := ctx.Deadline(); !ok {
			t.Error("the shutdown hook's context has no deadline")
		}
		close(hooked)
		return nil
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, l) }()
	base := "http://" + l.Addr().String()

	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Errorf("/healthz = %d, want 200", code)
	}
	if code, body := get(t, base+"/readyz"); code != 503 || !strings.Contains(body, "unavailable") {
		t.Errorf("/readyz without a store = %d %s, want 503 unavailable", code, body)
	}
	_, text := get(t, base+"/metrics")
	const counted = `licensor_http_requests_total{route="GET /healthz",status="200"} 1`
	if !strings.Contains(text, counted) {
		t.Errorf("/metrics does not count the /healthz request:\n%.2000s", text)
	}
	code, body := get(t, base+"/api/v1/openapi.json")
	if code != 200 || !strings.Contains(body, `"openapi": "3.1`) {
		t.Errorf("/api/v1/openapi.json = %d %.100s", code, body)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v, want nil", err)
		}
	case <-time.After(30 * time.Second): // a hang guard, not a speed target
		t.Fatal("Serve did not return after the context ended")
	}
	select {
	case <-hooked:
	default:
		t.Error("the shutdown hook did not run")
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	t.Parallel()
	s := &Server{cfg: testConfig(t), log: slog.New(slog.DiscardHandler), metrics: metrics.New()}
	srv := s.httpServer()
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 ||
		srv.IdleTimeout == 0 || srv.MaxHeaderBytes == 0 {
		t.Errorf("http.Server lacks a limit: %+v", srv)
	}
}

func TestRunReportsBusyAddress(t *testing.T) {
	t.Parallel()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	cfg := testConfig(t)
	cfg.Addr = busy.Addr().String()
	s, err := New(context.Background(), cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	err = s.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "listen on") {
		t.Errorf("Run on a busy address = %v, want a listen error", err)
	}
}
