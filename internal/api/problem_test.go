package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

func TestErrorsBecomeProblems(t *testing.T) {
	t.Parallel()
	const secret = "password=hunter2 in SQL"
	tests := []struct {
		name   string
		err    error
		status int
		code   Code
		logged bool
	}{
		{"internal", errors.New(secret), 500, CodeInternal, true},
		{"wrapped_not_found", fmt.Errorf("load: %w", store.ErrNotFound), 404, CodeNotFound, false},
		{"conflict", &store.ConditionError{Index: 1}, 409, CodeConflict, false},
		{"api_error", Errorf(CodeTermsRequired, "accept the terms"), 403, CodeTermsRequired, false},
		{"unavailable_with_cause", &Error{Code: CodeUnavailable, Err: errors.New(secret)}, 503,
			CodeUnavailable, true},
		{"rate_limited", &Error{Code: CodeRateLimited, RetryAfter: 1500e6}, 429, CodeRateLimited,
			false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fail := func(http.ResponseWriter, *http.Request) error { return tt.err }
			failing := Route{Method: "GET", Pattern: "/api/v1/fail", Permission: Public,
				Summary: "test", Handler: fail}
			srv, logs := serve(t, Options{}, failing)
			resp, body := do(t, srv, "GET", "/api/v1/fail", "", "")
			p := problemOf(t, resp, body)
			if p.Status != tt.status || p.Code != tt.code {
				t.Errorf("problem %d %s, want %d %s", p.Status, p.Code, tt.status, tt.code)
			}
			if strings.Contains(string(body), "hunter2") {
				t.Errorf("internal text reached the client: %s", body)
			}
			failures := logs.records(t, "request failed")
			if (len(failures) == 1) != tt.logged || len(failures) > 1 {
				t.Fatalf("%d failure log lines, want logged=%v:\n%s", len(failures), tt.logged,
					logs)
			}
			if tt.logged && (failures[0]["request_id"] != p.RequestID ||
				!strings.Contains(fmt.Sprint(failures[0]["error"]), "hunter2")) {
				t.Errorf("failure log %v lacks the cause or request id %s", failures[0],
					p.RequestID)
			}
			if tt.code == CodeRateLimited && resp.Header.Get("Retry-After") != "2" {
				t.Errorf("Retry-After = %q, want 2", resp.Header.Get("Retry-After"))
			}
		})
	}
}

func TestPanicBecomesProblem(t *testing.T) {
	t.Parallel()
	boom := func(http.ResponseWriter, *http.Request) error { panic("boom42") }
	panicking := Route{Method: "GET", Pattern: "/api/v1/panic", Permission: Public,
		Summary: "test", Handler: boom}
	srv, logs := serve(t, Options{}, panicking)
	resp, body := do(t, srv, "GET", "/api/v1/panic", "", "")
	p := problemOf(t, resp, body)
	if p.Code != CodeInternal || strings.Contains(string(body), "boom42") {
		t.Errorf("problem = %s, want internal without the panic value", body)
	}
	failures := logs.records(t, "request failed")
	if len(failures) != 1 || !strings.Contains(fmt.Sprint(failures[0]["error"]), "boom42") {
		t.Errorf("failure log = %v, want one line with the panic", failures)
	}
	if recs := logs.records(t, "request"); len(recs) != 1 || recs[0]["status"] != float64(500) {
		t.Errorf("access log = %v, want status 500", recs)
	}
}

func TestCrossOriginMutationRefused(t *testing.T) {
	t.Parallel()
	var called atomic.Bool
	mutate := Route{Method: "POST", Pattern: "/api/v1/thing", Permission: Public, Summary: "test",
		Handler: func(w http.ResponseWriter, r *http.Request) error {
			called.Store(true)
			return nil
		}}
	srv, _ := serve(t, Options{PublicOrigin: "http://localhost:8080"}, mutate)
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/thing", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, body := send(t, srv, req)
	if p := problemOf(t, resp, body); p.Code != CodeForbidden || called.Load() {
		t.Errorf("cross-site POST: %s, handler called %v; want forbidden, not called", body,
			called.Load())
	}
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if resp, body := send(t, srv, req); resp.StatusCode != 200 {
		t.Errorf("same-origin POST: %d %s, want 200", resp.StatusCode, body)
	}
}
