package api

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		https     bool
		path      string
		wantHSTS  bool
		wantCache string
	}{
		{"api_http", false, "/api/v1/openapi.json", false, "no-store"},
		{"api_https", true, "/api/nope", true, "no-store"},
		{"health", true, "/healthz", true, ""},
		{"ui", false, "/deep/link", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, _ := serve(t, Options{HTTPS: tt.https, OpenAPI: []byte("{}")})
			resp, _ := do(t, srv, "GET", tt.path, "", "")
			h := resp.Header
			if h.Get("X-Content-Type-Options") != "nosniff" ||
				h.Get("Referrer-Policy") != "no-referrer" {
				t.Errorf("nosniff %q, referrer %q", h.Get("X-Content-Type-Options"),
					h.Get("Referrer-Policy"))
			}
			if got := h.Get("Strict-Transport-Security") != ""; got != tt.wantHSTS {
				t.Errorf("HSTS sent = %v, want %v", got, tt.wantHSTS)
			}
			if got := h.Get("Cache-Control"); got != tt.wantCache {
				t.Errorf("Cache-Control = %q, want %q", got, tt.wantCache)
			}
			if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") {
				t.Errorf("Content-Security-Policy = %q", h.Get("Content-Security-Policy"))
			}
			if h.Get("Access-Control-Allow-Origin") != "" {
				t.Error("a CORS header was sent")
			}
		})
	}
}

func TestRequestIDOnEveryAnswer(t *testing.T) {
	t.Parallel()
	srv, logs := serve(t, Options{})
	seen := map[string]bool{}
	for _, path := range []string{"/healthz", "/api/nope", "/readyz", "/"} {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set(RequestIDHeader, "chosen-by-client")
		resp, _ := send(t, srv, req)
		id := resp.Header.Get(RequestIDHeader)
		if !strings.HasPrefix(id, "req_") || seen[id] {
			t.Errorf("%s: request id %q, want a fresh req_ id", path, id)
		}
		seen[id] = true
	}
	for _, rec := range logs.records(t, "request") {
		if !seen[rec["request_id"].(string)] {
			t.Errorf("access log line with request_id %v not sent to the client", rec["request_id"])
		}
	}
}

func TestAccessLog(t *testing.T) {
	t.Parallel()
	srv, logs := serve(t, Options{})
	do(t, srv, "GET", "/healthz", "", "")
	recs := logs.records(t, "request")
	if len(recs) != 1 {
		t.Fatalf("%d access log lines, want 1:\n%s", len(recs), logs)
	}
	rec := recs[0]
	for _, key := range []string{"method", "route", "status", "duration_ms", "bytes", "ip",
		"request_id"} {
		if _, ok := rec[key]; !ok {
			t.Errorf("access log lacks %s: %v", key, rec)
		}
	}
	if rec["route"] != "GET /healthz" || rec["status"] != float64(200) || rec["ip"] != "127.0.0.1" {
		t.Errorf("access log = %v", rec)
	}
}

func TestUnknownPathsAndMethods(t *testing.T) {
	t.Parallel()
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ui")) })
	srv, _ := serve(t, Options{UI: ui, OpenAPI: []byte("{}")})
	tests := []struct {
		method, path string
		status       int
		allow        []string
	}{
		{"GET", "/api/v1/nothing", 404, nil},
		{"DELETE", "/api/v2/", 404, nil},
		{"POST", "/api/v1/openapi.json", 405, []string{"GET", "HEAD"}},
		{"POST", "/healthz", 405, []string{"GET", "HEAD"}},
		{"PUT", "/some/page", 405, []string{"GET", "HEAD"}},
	}
	for _, tt := range tests {
		resp, body := do(t, srv, tt.method, tt.path, "", "")
		p := problemOf(t, resp, body)
		allow := strings.Split(resp.Header.Get("Allow"), ", ")
		if p.Status != tt.status || (tt.allow != nil && !slices.Equal(allow, tt.allow)) {
			t.Errorf("%s %s: status %d, Allow %q; want %d, %q", tt.method, tt.path, p.Status,
				allow, tt.status, tt.allow)
		}
	}
	if _, body := do(t, srv, "GET", "/deep/link", "", ""); string(body) != "ui" {
		t.Errorf("GET /deep/link = %q, want the UI", body)
	}
}

func TestQuietRoutesLogOnlyTheirRefusals(t *testing.T) {
	t.Parallel()
	ok := func(w http.ResponseWriter, r *http.Request) error { return WriteJSON(w, 200, "ok") }
	refuse := func(w http.ResponseWriter, r *http.Request) error {
		return Errorf(CodeInvalidLicenseKey, "no")
	}
	srv, logs := serve(t, Options{},
		Route{Method: "GET", Pattern: "/quiet/ok", Permission: Public, Quiet: true, Handler: ok},
		Route{Method: "GET", Pattern: "/quiet/refused", Permission: Public, Quiet: true,
			Handler: refuse},
		Route{Method: "GET", Pattern: "/loud/ok", Permission: Public, Handler: ok})
	for _, path := range []string{"/quiet/ok", "/quiet/refused", "/loud/ok"} {
		do(t, srv, "GET", path, "", "")
	}
	var routes []string
	for _, rec := range logs.records(t, "request") {
		routes = append(routes, rec["route"].(string))
	}
	want := []string{"GET /quiet/refused", "GET /loud/ok"}
	if !slices.Equal(routes, want) {
		t.Errorf("access log of routes %v, want %v", routes, want)
	}
	for _, rt := range New(Options{}).Routes() {
		if rt.Pattern == "/api/v1/license/validate" && !rt.Quiet {
			t.Error("license validation is not a quiet route")
		}
	}
}
