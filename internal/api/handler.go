package api

import (
	"fmt"
	"net/http"
	"slices"
)

// Handler builds the server's handler from the route table, wrapped in the middleware, outermost
// first: request id, security headers, access log, panic recovery, cross-origin protection,
// authentication (Options.Authenticate). It
// panics on a route without a permission, so that such a route cannot be served.
func (a *API) Handler() http.Handler { return a.handlerFor(a.Routes()) }

func (a *API) handlerFor(routes []Route) http.Handler {
	a.mux, a.quiet = http.NewServeMux(), map[string]bool{}
	for _, rt := range routes {
		a.quiet[rt.MuxPattern()] = rt.Quiet
		if rt.Permission == "" {
			panic(fmt.Sprintf("api: route %q declares no permission", rt.MuxPattern()))
		}
		a.mux.Handle(rt.MuxPattern(), a.adapt(rt))
	}
	var h http.Handler = a.mux
	if a.opts.Authenticate != nil {
		h = a.opts.Authenticate(h)
	}
	h = a.withCrossOriginProtection(h)
	h = a.withRecover(h)
	h = a.withAccessLog(h)
	h = a.withSecurityHeaders(h)
	return withRequestID(h)
}

var methods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}

// allowed lists the methods that some route other than the catch-all answers for r's path.
func (a *API) allowed(r *http.Request, catchAll string) []string {
	var allow []string
	for _, m := range methods {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := a.mux.Handler(probe); pattern != "" && pattern != catchAll {
			allow = append(allow, m)
		}
	}
	return allow
}

// apiNotFound answers the API paths no route claims: 405 when another method would be answered,
// else 404, both as problems (never the web UI).
func (a *API) apiNotFound(w http.ResponseWriter, r *http.Request) error {
	if allow := a.allowed(r, "/api/"); len(allow) > 0 {
		return &Error{Code: CodeMethodNotAllowed, Detail: "method not allowed", Allow: allow}
	}
	return Errorf(CodeNotFound, "no such API path")
}

// ui serves the web UI (which falls back to index.html for client-side routes) on GET and HEAD.
func (a *API) ui(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		allow := a.allowed(r, "/")
		for _, m := range []string{"GET", "HEAD"} {
			if !slices.Contains(allow, m) {
				allow = append(allow, m)
			}
		}
		return &Error{Code: CodeMethodNotAllowed, Detail: "method not allowed", Allow: allow}
	}
	if a.opts.UI == nil {
		return Errorf(CodeNotFound, "the web UI is not part of this server")
	}
	a.opts.UI.ServeHTTP(w, r)
	return nil
}
