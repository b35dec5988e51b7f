package api

import (
	"net/http"
)

// health answers liveness: the process runs and serves HTTP. It checks nothing else, so that a
// slow store does not get the process restarted.
func (a *API) health(w http.ResponseWriter, r *http.Request) error {
	return WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// ready answers readiness: the store answers a ping (engines migrate their schema when they
// open, so an open store is a migrated one).
func (a *API) ready(w http.ResponseWriter, r *http.Request) error {
	if a.opts.Store == nil {
		return Errorf(CodeUnavailable, "store not configured")
	}
	if err := a.ping(r.Context()); err != nil {
		return &Error{Code: CodeUnavailable, Detail: "store unreachable", Err: err}
	}
	return WriteJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (a *API) metrics(w http.ResponseWriter, r *http.Request) error {
	if a.opts.Metrics == nil {
		return Errorf(CodeUnavailable, "metrics not configured")
	}
	a.opts.Metrics.ServeHTTP(w, r)
	return nil
}

func (a *API) openAPI(w http.ResponseWriter, r *http.Request) error {
	if a.opts.OpenAPI == nil {
		return Errorf(CodeUnavailable, "OpenAPI document not configured")
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(a.opts.OpenAPI)
	return nil
}
