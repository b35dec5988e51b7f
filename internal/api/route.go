package api

import "net/http"

// Permission names what a route requires of its caller. The api package only declares it; the
// policy package decides who holds it. Every route has one: an empty permission is a bug that
// the route table's tests and Handler refuse.
type Permission string

// The permissions of the route table. What each one requires is decided by package policy,
// whose table says it in one place; later issues add organisation-scoped permissions and the
// license key's.
const (
	// Public is held by everyone, signed in or not.
	Public Permission = "public"
	// SignedIn is held by any signed-in user, whether or not they accepted the current terms:
	// sign-out, GET /me and accepting the terms.
	SignedIn Permission = "signed_in"
	// Member is held by a signed-in user who accepted the current terms (when any are
	// published); every other signed-in route needs it.
	Member Permission = "member"
	// VendorAdmin is held by an admin of the vendor organisation who accepted the terms.
	VendorAdmin Permission = "vendor_admin"
)

// HandlerFunc handles a request and returns nil, or an error that the adapter turns into a
// problem answer (see Error). A handler that has written its answer must return nil.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Route is one entry of the route table.
type Route struct {
	// Method is the HTTP method; "" matches every method (the catch-alls).
	Method string
	// Pattern is the path pattern, as net/http.ServeMux reads it.
	Pattern    string
	Permission Permission
	// OperationID names the operation in the OpenAPI document; "" for the routes it leaves out
	// (the web UI and the /api/ catch-all).
	OperationID string
	Summary     string
	// Accepts is the media type of a mutation's body; "" means application/json.
	Accepts string
	// MaxBody caps the request body in bytes; 0 means MaxJSONBody.
	MaxBody int64
	// Quiet routes log their successful answers at debug level rather than info: the licensed
	// software calls them at a rate that would drown the access log (and its bill). Refusals
	// are logged as any other; /metrics counts every request.
	Quiet   bool
	Handler HandlerFunc
}

// MaxJSONBody is the default cap of a request body: 1 MiB.
const MaxJSONBody = 1 << 20

// MuxPattern is the route's pattern for ServeMux, and its name in logs and metrics.
func (rt Route) MuxPattern() string {
	if rt.Method == "" {
		return rt.Pattern
	}
	return rt.Method + " " + rt.Pattern
}

// Documented reports whether the route appears in the OpenAPI document.
func (rt Route) Documented() bool { return rt.OperationID != "" }

// Serve adapts a standard handler to a route's HandlerFunc.
func Serve(h http.Handler) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		h.ServeHTTP(w, r)
		return nil
	}
}
