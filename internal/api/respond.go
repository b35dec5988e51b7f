package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/licensorhq/licensor/internal/store"
)

// Problem is the body of an error answer, application/problem+json (RFC 9457).
type Problem struct {
	Type      string       `json:"type"`
	Title     string       `json:"title"`
	Status    int          `json:"status"`
	Code      Code         `json:"code"`
	Detail    string       `json:"detail,omitempty"`
	RequestID string       `json:"request_id,omitempty"`
	Errors    []FieldError `json:"errors,omitempty"`
}

// ProblemType is the prefix of a problem's type URI; the code follows it.
const ProblemType = "urn:licensor:problem:"

// toError classifies any error a handler returns. Errors that are not the client's fault become
// internal, with the original kept as the cause.
func toError(ctx context.Context, err error) *Error {
	var e *Error
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		return e
	case domainError(err) != nil:
		return domainError(err)
	case errors.As(err, &tooBig):
		return &Error{Code: CodePayloadTooLarge,
			Detail: fmt.Sprintf("the body is over %d bytes", tooBig.Limit), Err: err}
	case errors.Is(err, store.ErrNotFound):
		return &Error{Code: CodeNotFound, Detail: "no such resource", Err: err}
	case errors.Is(err, store.ErrConflict):
		return &Error{Code: CodeConflict, Detail: "the resource was changed meanwhile", Err: err}
	case ctx.Err() != nil:
		return &Error{Code: CodeUnavailable, Detail: "the request was canceled", Err: err}
	}
	return &Error{Code: CodeInternal, Err: err}
}

// fail answers err as a problem and logs the cause of a server error, once (not when the client
// left, nor for a 503 without a cause such as "store not configured").
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := toError(r.Context(), err)
	status := e.Status()
	if status >= 500 && e.Err != nil && r.Context().Err() == nil {
		a.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("route", routeOf(r.Context())), slog.String("code", string(e.Code)),
			slog.Any("error", err))
	}
	if written(w) {
		return // the handler began its answer; the log line is all that can be done
	}
	writeProblem(w, r, e)
}

func writeProblem(w http.ResponseWriter, r *http.Request, e *Error) {
	status := e.Status()
	p := Problem{Type: ProblemType + string(e.Code), Title: http.StatusText(status),
		Status: status, Code: e.Code, Detail: e.Detail, RequestID: RequestID(r.Context()),
		Errors: e.Fields}
	if e.Code == CodeInternal {
		p.Detail = "an unexpected error occurred; quote the request id to support"
	}
	h := w.Header()
	if e.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int(math.Ceil(e.RetryAfter.Seconds()))))
	}
	if len(e.Allow) > 0 {
		h.Set("Allow", strings.Join(e.Allow, ", "))
	}
	body, _ := json.Marshal(p) // a Problem always marshals
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
