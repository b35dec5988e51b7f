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
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/metrics"
	"github.com/licensorhq/licensor/internal/testenv"
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

// running is a server serving on a free port of 127.0.0.1.
type running struct {
	*Server
	base string
	logs *testenv.Buffer
	stop func() error // ends the context and returns what Serve returned
}

func start(t *testing.T) running {
	t.Helper()
	return startWith(t, testConfig(t))
}

// startWith is start with the configuration cfg.
func startWith(t *testing.T, cfg *config.Config) running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &testenv.Buffer{}
	s, err := New(ctx, cfg, NewLogger(logs, "text"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, l) }()
	stop := func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(30 * time.Second): // a hang guard, not a speed target
			t.Fatal("Serve did not return after the context ended")
			return nil
		}
	}
	return running{Server: s, base: "http://" + l.Addr().String(), logs: logs, stop: stop}
}

// waitFor polls until cond holds, failing the test after a generous time.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestServeAndShutdown serves on SQLite, then checks the order of the shutdown: requests
// drained, hooks run, engines closed, Serve returns nil.
func TestServeAndShutdown(t *testing.T) {
	t.Parallel()
	r := start(t)
	hooked := make(chan struct{})
	r.OnShutdown(func(ctx context.Context) error {
		if _, ok := ctx.Deadline(); !ok {
			t.Error("the shutdown hook's context has no deadline")
		}
		close(hooked)
		return nil
	})
	if code, _ := get(t, r.base+"/healthz"); code != 200 {
		t.Errorf("/healthz = %d, want 200", code)
	}
	if code, body := get(t, r.base+"/readyz"); code != 200 || !strings.Contains(body, "ready") {
		t.Errorf("/readyz on SQLite = %d %s, want 200 ready", code, body)
	}
	code, body := get(t, r.base+"/api/v1/openapi.json")
	if code != 200 || !strings.Contains(body, `"openapi": "3.1`) {
		t.Errorf("/api/v1/openapi.json = %d %.100s", code, body)
	}
	if err := r.stop(); err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
	select {
	case <-hooked:
	default:
		t.Error("the shutdown hook did not run")
	}
	if r.engine != nil {
		t.Error("the store is still open after Serve returned")
	}
}

// TestMetrics reads /metrics after some traffic: requests, store calls, the change feed, the
// outbox and SQLite's group commit all report.
func TestMetrics(t *testing.T) {
	t.Parallel()
	r := start(t)
	defer r.stop()
	get(t, r.base+"/healthz")
	get(t, r.base+"/readyz")
	_, text := get(t, r.base+"/metrics")
	for _, want := range []string{
		`licensor_http_requests_total{route="GET /healthz",status="200"} 1`,
		`licensor_store_operations_total{operation="ping",outcome="ok"} 1`,
		`licensor_feed_lag_seconds{consumer="mail"} `,
		`licensor_feed_failures_total{consumer="mail"} 0`,
		`licensor_mail_outbox_depth 0`,
		`licensor_sqlite_commits_total `,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestMailThroughFeed queues a mail as domain code does; the change feed hands it to the outbox,
// which writes it to the log since no SMTP server is set.
func TestMailThroughFeed(t *testing.T) {
	t.Parallel()
	r := start(t)
	op, err := r.outbox.Enqueue(mail.Message{To: []string{"ada@example.com"}, Subject: "Hello",
		Text: "Open https://licensor.example/welcome"})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.store.Write(context.Background(), op); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the mail in the log", func() bool {
		return strings.Contains(r.logs.String(), "https://licensor.example/welcome")
	})
	if err := r.stop(); err != nil {
		t.Errorf("Serve = %v, want nil", err)
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

func TestHTTPServerTimeouts(t *testing.T) {
	t.Parallel()
	s := &Server{cfg: testConfig(t), log: slog.New(slog.DiscardHandler), metrics: metrics.New()}
	srv := s.httpServer()
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 ||
		srv.IdleTimeout == 0 || srv.MaxHeaderBytes == 0 {
		t.Errorf("http.Server lacks a limit: %+v", srv)
	}
}
