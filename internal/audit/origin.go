package audit

import "context"

// Origin is who sends a request and from where. The HTTP layer puts it in each request's
// context; New copies it into every event made with that context.
type Origin struct {
	// Actor is the signed-in user's id, "" for none.
	Actor     string
	RequestID string
	IP        string
}

type originKey struct{}

// WithOrigin returns ctx carrying o.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

// OriginFrom returns the origin ctx carries; the zero Origin when none (a command line tool).
func OriginFrom(ctx context.Context) Origin {
	o, _ := ctx.Value(originKey{}).(Origin)
	return o
}
