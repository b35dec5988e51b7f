package api

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
)

// contentSecurityPolicy allows no inline script; handlers may set a stricter one (PDF downloads
// set "sandbox").
const contentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'self'"

// withSecurityHeaders sets the headers of SECURITY.md on every answer before the handler runs,
// so that error answers carry them too.
func (a *API) withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		if a.opts.HTTPS {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// withRecover turns a panic into a 500 problem and a log line with the stack, so that one bad
// request neither kills the connection silently nor leaks the stack to the client.
func (a *API) withRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // the handler asked net/http to drop the connection
			}
			a.fail(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
		}()
		next.ServeHTTP(w, r)
	})
}

// withCrossOriginProtection refuses cross-origin unsafe requests (CSRF), answering a problem.
func (a *API) withCrossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	if a.opts.PublicOrigin != "" {
		if err := cop.AddTrustedOrigin(a.opts.PublicOrigin); err != nil {
			a.log.Warn("cross-origin protection: public origin not trusted",
				"origin", a.opts.PublicOrigin, "error", err)
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, r, Errorf(CodeForbidden, "cross-origin request refused"))
	}))
	return cop.Handler(next)
}
