package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

func (s *Server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// shutdown stops accepting, waits for the requests in flight (up to ShutdownGrace), runs the
// hooks with what remains of it, then closes the engines.
func (s *Server) shutdown(srv *http.Server, done <-chan error) error {
	start := time.Now()
	s.log.Info("shutting down", "grace_s", ShutdownGrace.Seconds())
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	var errs []error
	if err := srv.Shutdown(ctx); err != nil {
		errs = append(errs, fmt.Errorf("drain http requests: %w", err))
		_ = srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		errs = append(errs, fmt.Errorf("serve http: %w", err))
	}
	errs = append(errs, s.stop(ctx))
	s.log.Info("stopped", "duration_ms", time.Since(start).Milliseconds())
	return errors.Join(errs...)
}

// Close stops the background work (draining the change feed for up to ShutdownGrace) and
// releases the engines, for a server that did not Run or whose Run failed. It is safe to call
// more than once.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	return s.stop(ctx)
}

// stop runs the shutdown hooks once, then closes the store.
func (s *Server) stop(ctx context.Context) error {
	var errs []error
	hooks := s.hooks
	s.hooks = nil
	for _, hook := range hooks {
		if err := hook(ctx); err != nil {
			errs = append(errs, fmt.Errorf("shutdown hook: %w", err))
		}
	}
	if s.engine != nil {
		if err := s.engine.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close store: %w", err))
		}
		s.engine, s.store = nil, nil
	}
	return errors.Join(errs...)
}
