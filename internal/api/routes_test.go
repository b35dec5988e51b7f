package api

import (
	"net/http"
	"strings"
	"testing"
)

// TestRoutesDeclarePermissions is SECURITY.md's deny-by-default rule: a route without a
// permission fails here.
func TestRoutesDeclarePermissions(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, rt := range New(Options{}).Routes() {
		name := rt.MuxPattern()
		if rt.Permission == "" {
			t.Errorf("route %s declares no permission", name)
		}
		if rt.Handler == nil || rt.Summary == "" {
			t.Errorf("route %s lacks a handler or a summary", name)
		}
		if seen[name] {
			t.Errorf("route %s is in the table twice", name)
		}
		seen[name] = true
		if rt.Documented() == (rt.Method == "") {
			t.Errorf("route %s: only the method-less catch-alls may be left undocumented", name)
		}
	}
}

func TestHandlerRefusesRouteWithoutPermission(t *testing.T) {
	t.Parallel()
	defer func() {
		if v := recover(); v == nil || !strings.Contains(v.(string), "no permission") {
			t.Errorf("recover() = %v, want a panic about the missing permission", v)
		}
	}()
	a := New(Options{})
	a.handlerFor(append(a.Routes(), Route{Method: "GET", Pattern: "/x", Handler: ok}))
}

func ok(w http.ResponseWriter, r *http.Request) error {
	return WriteJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

func TestPermissionsAreDeniedByDefault(t *testing.T) {
	t.Parallel()
	secret := Route{Method: "GET", Pattern: "/api/v1/secret", Permission: "org.view",
		Summary: "test", Handler: ok}
	authorize := func(r *http.Request, p Permission) error {
		if r.Header.Get("X-Test-User") == "" {
			return Errorf(CodeUnauthenticated, "sign in")
		}
		return nil
	}
	tests := []struct {
		name      string
		authorize func(*http.Request, Permission) error
		user      string
		want      int
	}{
		{"no_policy", nil, "someone", http.StatusForbidden},
		{"anonymous", authorize, "", http.StatusUnauthorized},
		{"signed_in", authorize, "someone", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, _ := serve(t, Options{Authorize: tt.authorize}, secret)
			req, _ := http.NewRequest("GET", srv.URL+"/api/v1/secret", nil)
			if tt.user != "" {
				req.Header.Set("X-Test-User", tt.user)
			}
			resp, body := send(t, srv, req)
			if resp.StatusCode != tt.want {
				t.Errorf("status = %d, want %d; body %s", resp.StatusCode, tt.want, body)
			}
		})
	}
}
