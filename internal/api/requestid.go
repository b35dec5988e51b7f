package api

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"log/slog"
	"net/http"
)

// requestInfo travels in a request's context: the id, and the route pattern once the mux has
// chosen one, so that the middleware around the mux can log and count by route.
type requestInfo struct {
	id    string
	route string
}

type infoKey struct{}

// RequestIDHeader carries the request id on every answer.
const RequestIDHeader = "X-Request-Id"

// withRequestID gives each request a fresh id, in its context and in the X-Request-Id header of
// the answer. An id sent by the client is ignored: ids go into logs and must be trusted.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info := &requestInfo{id: newRequestID()}
		w.Header().Set(RequestIDHeader, info.id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), infoKey{}, info)))
	})
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return "req_" + base64.RawURLEncoding.EncodeToString(b[:])
}

// RequestID returns the id of the request that ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return info.id
	}
	return ""
}

// RoutePattern returns the route pattern chosen for the request that ctx belongs to ("POST
// /api/v1/session"), or "". Unlike the path, it never holds a token.
func RoutePattern(ctx context.Context) string { return routeOf(ctx) }

func routeOf(ctx context.Context) string {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return info.route
	}
	return ""
}

func setRoute(ctx context.Context, route string) {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		info.route = route
	}
}

// LogHandler wraps h so that every record logged with a request's context carries its
// request_id, whichever package logs it.
func LogHandler(h slog.Handler) slog.Handler { return contextHandler{h} }

type contextHandler struct{ slog.Handler }

func (h contextHandler) Handle(ctx context.Context, rec slog.Record) error {
	if id := RequestID(ctx); id != "" {
		rec.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, rec)
}

func (h contextHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return contextHandler{h.Handler.WithAttrs(attrs)}
}

func (h contextHandler) WithGroup(name string) slog.Handler {
	return contextHandler{h.Handler.WithGroup(name)}
}
