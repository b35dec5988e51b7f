package server

import (
	"io"
	"log/slog"

	"github.com/licensorhq/licensor/internal/api"
)

// NewLogger returns the process's logger: text for people, or JSON (format "json") for log
// collectors. Every record logged with a request's context carries its request_id.
func NewLogger(w io.Writer, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	var h slog.Handler
	if format == "json" {
		h = slog.NewJSONHandler(w, opts)
	} else {
		h = slog.NewTextHandler(w, opts)
	}
	return slog.New(api.LogHandler(h))
}
