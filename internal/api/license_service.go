package api

import (
	"github.com/licensorhq/licensor/internal/license"
)

// Licenses are what the license routes are served with.
type Licenses struct {
	Licenses *license.Service
	// Guard throttles failed key authentications per client IP.
	Guard *license.KeyGuard
}

// licenses returns the license services, or the error that answers 503 without them.
func (a *API) licenses() (*Licenses, error) {
	if a.opts.Licenses == nil {
		return nil, Errorf(CodeUnavailable, "licenses are not configured")
	}
	return a.opts.Licenses, nil
}
