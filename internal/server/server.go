// Package server wires Licensor's parts into the process that `licensor serve` runs: it opens
// the store and blob engines that the configuration names, builds the HTTP handler (package api)
// with the metrics, the OpenAPI document and the web UI, serves it with timeouts, and on
// shutdown stops accepting, drains the requests in flight, runs the shutdown hooks (the change
// feed flushes) and closes the store.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/blob"
	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/metrics"
	"github.com/licensorhq/licensor/internal/openapi"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/webui"
)

// Timeouts of the HTTP server (SECURITY.md, "Server hygiene"). Reads allow a 10 MiB PDF upload
// over a slow link; ShutdownGrace bounds the drain of requests and of the change feed.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 60 * time.Second
	WriteTimeout      = 60 * time.Second
	IdleTimeout       = 120 * time.Second
	MaxHeaderBytes    = 64 << 10
	ShutdownGrace     = 20 * time.Second
)

// Server is one running Licensor process.
type Server struct {
	cfg     *config.Config
	log     *slog.Logger
	metrics *metrics.Metrics
	engine  store.Store // the store engine itself (nil until one is configured)
	store   store.Store // engine with metrics; what handlers use
	blobs   blob.Store
	outbox  *mail.Outbox // nil without a store
	domain  *domain      // nil without a store
	// hooks run at shutdown, after the requests drained and before the store closes.
	hooks []func(context.Context) error
}

// New opens the engines the configuration names. Close releases them; Run serves.
func New(ctx context.Context, cfg *config.Config, log *slog.Logger) (*Server, error) {
	s := &Server{cfg: cfg, log: log, metrics: metrics.New()}
	if err := s.openStore(ctx); err != nil {
		return nil, err
	}
	if err := s.openBlobs(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.startBackground(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.buildDomain(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.firstStart(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Handler is the server's whole HTTP handler.
func (s *Server) Handler() http.Handler {
	return api.New(s.apiOptions(api.Options{
		Logger:       s.log,
		Store:        s.store,
		Metrics:      s.metrics.Handler(),
		OpenAPI:      openapi.Document(),
		UI:           webui.Handler(),
		Observer:     s.metrics,
		PublicOrigin: s.cfg.PublicURL.Scheme + "://" + s.cfg.PublicURL.Host,
		HTTPS:        s.cfg.HTTPS(),
	})).Handler()
}

// OnShutdown adds a hook that runs at shutdown, after the HTTP requests drained and before the
// store closes, with a context that ends when the grace period does.
func (s *Server) OnShutdown(hook func(context.Context) error) { s.hooks = append(s.hooks, hook) }

// Listen takes the TCP address the server is to serve on. A refusal (the port is busy, the
// address is not this machine's) is a *config.SettingError naming LICENSOR_ADDR.
func Listen(addr string) (net.Listener, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &config.SettingError{Setting: "LICENSOR_ADDR",
			Err: fmt.Errorf("listen on %s: %w", addr, err)}
	}
	return l, nil
}

// Run serves HTTP on the configured address until ctx ends, then shuts down gracefully and
// closes the engines.
func (s *Server) Run(ctx context.Context) error {
	l, err := Listen(s.cfg.Addr)
	if err != nil {
		s.Close()
		return err
	}
	return s.Serve(ctx, l)
}

// Serve is Run on a listener the caller opened.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := s.httpServer()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	s.log.Info("listening", "addr", l.Addr().String(), "public_url", s.cfg.PublicURL.String(),
		"store", string(s.cfg.Store), "blobs", string(s.cfg.Blobs), "ui_built", webui.Built())
	select {
	case err := <-done: // the listener failed
		s.Close()
		return fmt.Errorf("serve http: %w", err)
	case <-ctx.Done():
	}
	return s.shutdown(srv, done)
}
