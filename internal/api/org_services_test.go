package api_test

import (
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/policy"
)

// orgServices are the organisation part's services of the test server, as the server makes
// them (internal/server/orgs.go).
func (e *orgEnv) orgServices(pol *policy.Policy, _ *mail.Outbox) *api.Orgs {
	return &api.Orgs{Orgs: e.orgs, Policy: pol}
}
