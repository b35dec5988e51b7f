package api

import (
	"log/slog"
	"net"
	"net/http"
	"time"
)

// recorder remembers the status and size of an answer for the access log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (rw *recorder) WriteHeader(status int) {
	if rw.status == 0 {
		rw.status = status
	}
	rw.ResponseWriter.WriteHeader(status)
}

func (rw *recorder) Write(b []byte) (int, error) {
	if rw.status == 0 {
		rw.status = http.StatusOK
	}
	n, err := rw.ResponseWriter.Write(b)
	rw.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection's writer (Flush, deadlines).
func (rw *recorder) Unwrap() http.ResponseWriter { return rw.ResponseWriter }

// written reports whether an answer was begun on w, which must then not get a problem body.
func written(w http.ResponseWriter) bool {
	rw, ok := w.(*recorder)
	return ok && rw.status != 0
}

// withAccessLog logs one line per request and tells the observer.
func (a *API) withAccessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &recorder{ResponseWriter: w}
		next.ServeHTTP(rw, r)
		elapsed := time.Since(start)
		if rw.status == 0 {
			rw.status = http.StatusOK
		}
		route := routeOf(r.Context())
		if route == "" {
			route = "none" // refused before the mux chose a route
		}
		a.logRequest(r, route, rw, elapsed)
		if a.opts.Observer != nil {
			a.opts.Observer.ObserveRequest(route, rw.status, elapsed)
		}
	})
}

// logRequest writes the access log's line of r, at debug level for a quiet route's success. It
// logs the route pattern, never the path: paths can hold tokens (invitation links).
func (a *API) logRequest(r *http.Request, route string, rw *recorder, elapsed time.Duration) {
	level := slog.LevelInfo
	if a.quiet[route] && rw.status < http.StatusBadRequest {
		level = slog.LevelDebug
	}
	a.log.LogAttrs(r.Context(), level, "request",
		slog.String("method", r.Method), slog.String("route", route),
		slog.Int("status", rw.status), slog.Float64("duration_ms", ms(elapsed)),
		slog.Int64("bytes", rw.bytes), slog.String("ip", ClientIP(r)))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// ClientIP is the address of the client that sent r.
// TODO: behind API Gateway, take the client IP from the gateway's own field (SECURITY.md).
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
