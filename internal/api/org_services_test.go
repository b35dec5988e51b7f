package api_test

import (
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/invitation"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/policy"
	"github.com/licensorhq/licensor/internal/terms"
)

// orgServices are the organisation part's services of the test server, as the server makes
// them (internal/server/orgs.go).
func (e *orgEnv) orgServices(pol *policy.Policy, outbox *mail.Outbox, tc *terms.Service) *api.Orgs {
	e.invitations = &invitation.Service{Store: e.st, Outbox: outbox, Accounts: e.accounts,
		Terms: tc, Tokens: e.accounts.Tokens(), PublicURL: testPublicURL, Now: e.clock.Now}
	return &api.Orgs{Orgs: e.orgs, Invitations: e.invitations, Policy: pol}
}
