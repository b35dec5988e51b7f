package api

import (
	"mime"
	"net/http"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/auth"
)

// adapt turns a route into the handler the mux calls: it records the route for the logs,
// checks the permission, the body's media type and size, runs the handler and answers its error.
func (a *API) adapt(rt Route) http.Handler {
	pattern := rt.MuxPattern()
	limit := rt.MaxBody
	if limit == 0 {
		limit = MaxJSONBody
	}
	accepts := rt.Accepts
	if accepts == "" {
		accepts = "application/json"
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setRoute(r.Context(), pattern)
		r = r.WithContext(audit.WithOrigin(r.Context(), origin(r)))
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if err := a.admit(r, rt.Permission, accepts); err != nil {
			a.fail(w, r, err)
			return
		}
		if err := rt.Handler(w, r); err != nil {
			a.fail(w, r, err)
		}
	})
}

// admit checks what is decided before a handler runs: the permission, then the media type.
func (a *API) admit(r *http.Request, p Permission, accepts string) error {
	if p != Public {
		if a.opts.Authorize == nil {
			return Errorf(CodeForbidden, "not allowed") // deny by default
		}
		if err := a.opts.Authorize(r, p); err != nil {
			return err
		}
	}
	return checkMediaType(r, accepts)
}

// checkMediaType refuses a mutation whose body is not of the route's media type, so that a
// cross-site HTML form (text/plain, form-encoded) never reaches a handler.
func checkMediaType(r *http.Request, accepts string) error {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return nil
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" && r.ContentLength == 0 {
		return nil // a mutation without a body (DELETE, POST .../resend)
	}
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != accepts {
		return Errorf(CodeUnsupportedMediaType, "the body must be %s", accepts)
	}
	return nil
}

// origin is who sends r and from where, for the audit events that the handler writes.
func origin(r *http.Request) audit.Origin {
	o := audit.Origin{RequestID: RequestID(r.Context()), IP: ClientIP(r)}
	if p, _ := auth.From(r.Context()); p != nil {
		o.Actor = p.User.ID
	}
	return o
}
