// Package api is Licensor's HTTP layer: one route table, from which the ServeMux is built, in
// which every route declares the permission it needs; handlers that return an error, turned by
// one adapter into an application/problem+json answer with a stable code; and the middleware
// every answer passes through (request id, access log, panic recovery, security headers,
// cross-origin protection).
//
// Handlers stay thin: they decode, call a domain package and encode. Whether a caller holds a
// route's permission is decided by the Authorize function the server supplies (the policy
// package, in a later issue); without one only Public routes answer.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Options are what the HTTP layer is built from. Nil fields make the routes that need them
// answer 503 (or, for UI, 404), so that the server starts before every part exists.
type Options struct {
	Logger *slog.Logger
	// Store is the storage engine; /readyz pings it.
	Store store.Store
	// Metrics serves /metrics.
	Metrics http.Handler
	// OpenAPI is the document served at /api/v1/openapi.json.
	OpenAPI []byte
	// UI serves the web UI for every path outside /api/ that no route claims.
	UI http.Handler
	// Observer is told about every finished request (for metrics).
	Observer Observer
	// Authorize decides whether the request holds a permission other than Public; it returns nil
	// or an error the adapter answers (unauthenticated, forbidden, ...).
	Authorize func(r *http.Request, p Permission) error
	// Authenticate wraps the route mux: it reads the caller's credentials and puts the principal
	// in the request's context (package auth). Nil: every request is anonymous.
	Authenticate func(http.Handler) http.Handler
	// Accounts serves the account, session, setup and terms routes; nil makes them answer 503.
	Accounts *Accounts
	// Licenses serves the license routes and the licensed software's validation; nil: 503.
	Licenses *Licenses
	// Orgs serves the organisation, member, invitation and audit routes; nil: 503.
	Orgs *Orgs
	// PublicOrigin is the scheme and host of LICENSOR_PUBLIC_URL, trusted by the cross-origin
	// check even behind a proxy that rewrites Host.
	PublicOrigin string
	// HTTPS turns on Strict-Transport-Security.
	HTTPS bool
}

// Observer is told the route pattern, status and duration of each finished request.
type Observer interface {
	ObserveRequest(route string, status int, elapsed time.Duration)
}

// API holds the dependencies of the handlers.
type API struct {
	opts Options
	log  *slog.Logger
	mux  *http.ServeMux
	// quiet holds the patterns of the quiet routes (Route.Quiet).
	quiet map[string]bool
}

// New returns the API; Handler builds its http.Handler.
func New(opts Options) *API {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &API{opts: opts, log: log}
}

// pingTimeout bounds how long /readyz waits for the store.
const pingTimeout = 2 * time.Second

func (a *API) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	return a.opts.Store.Ping(ctx)
}
