package api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/testenv"
)

// logBuffer collects JSON log lines from a server under test.
type logBuffer struct{ testenv.Buffer }

// records returns the log records whose msg is msg.
func (b *logBuffer) records(t *testing.T, msg string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		var rec map[string]any
		if line == "" {
			continue
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec["msg"] == msg {
			out = append(out, rec)
		}
	}
	return out
}

// serve starts a real HTTP server with the route table plus extra routes.
func serve(t *testing.T, opts Options, extra ...Route) (*httptest.Server, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	opts.Logger = slog.New(LogHandler(slog.NewJSONHandler(logs, nil)))
	a := New(opts)
	srv := httptest.NewServer(a.handlerFor(append(a.Routes(), extra...)))
	t.Cleanup(srv.Close)
	return srv, logs
}

// do sends a request and returns the answer with its body read.
func do(t *testing.T, srv *httptest.Server, method, path, ctype, body string) (
	*http.Response, []byte,
) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	return send(t, srv, req)
}

func send(t *testing.T, srv *httptest.Server, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// problemOf decodes a problem answer, failing the test when the answer is not one.
func problemOf(t *testing.T, resp *http.Response, body []byte) Problem {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json; body %s", ct, body)
	}
	var p Problem
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("problem body %s: %v", body, err)
	}
	if p.Status != resp.StatusCode || p.RequestID != resp.Header.Get(RequestIDHeader) ||
		p.Type != ProblemType+string(p.Code) || p.Title == "" {
		t.Errorf("problem %+v does not match status %d and request id %q", p, resp.StatusCode,
			resp.Header.Get(RequestIDHeader))
	}
	return p
}
