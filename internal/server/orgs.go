package server

import (
	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/invitation"
	"github.com/licensorhq/licensor/internal/org"
)

// orgServices makes the organisation, member, invitation and audit services, which decide
// nothing themselves: the policy the domain already holds does.
func (s *Server) orgServices(accounts *account.Service) *api.Orgs {
	return &api.Orgs{
		Orgs: &org.Service{Store: s.store, Outbox: s.outbox, PublicURL: s.cfg.PublicURL},
		Invitations: &invitation.Service{Store: s.store, Outbox: s.outbox, Accounts: accounts,
			Terms: s.domain.accounts.Terms, Tokens: accounts.Tokens(),
			PublicURL: s.cfg.PublicURL},
		Policy: s.domain.policy,
	}
}
