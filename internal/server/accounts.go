package server

import (
	"context"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/policy"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/setup"
	"github.com/licensorhq/licensor/internal/terms"
)

// domain holds the services the handlers call, built once the store and the outbox are open.
type domain struct {
	accounts *api.Accounts
	authn    *auth.Authenticator
	policy   *policy.Policy
	licenses *api.Licenses
	orgs     *api.Orgs
}

// buildDomain makes the account, session, terms and setup services and the authentication and
// authorization they feed. It does nothing without a store.
func (s *Server) buildDomain() error {
	if s.store == nil {
		return nil
	}
	cookie, err := session.CookieFor(s.cfg.PublicURL)
	if err != nil {
		return fmt.Errorf("session cookie: %w", err)
	}
	sessions := &session.Manager{Store: s.store}
	accounts := account.New(account.Config{Store: s.store, Outbox: s.outbox,
		PublicURL: s.cfg.PublicURL, Sessions: sessions,
		Tokens: &linktoken.Tokens{Store: s.store}, Logger: s.log})
	tc := &terms.Service{Store: s.store}
	s.domain = &domain{
		accounts: &api.Accounts{Accounts: accounts, Terms: tc,
			Setup: &setup.Service{Accounts: accounts}, Cookie: cookie,
			ReturnURLs: s.cfg.ReturnURLs},
		authn:  &auth.Authenticator{Store: s.store, Sessions: sessions, Terms: tc, Cookie: cookie},
		policy: &policy.Policy{Store: s.store, Logger: s.log},
	}
	if s.domain.licenses, err = s.licenseServices(); err != nil {
		return err
	}
	s.domain.orgs = s.orgServices(accounts)
	return nil
}

// firstStart creates the vendor organisation on an empty store and prints, once, the link with
// which a person becomes its first admin. Later starts print the link again only while it is
// unused, as a reminder, without making a new one.
func (s *Server) firstStart(ctx context.Context) error {
	if s.domain == nil {
		return nil
	}
	link, err := s.domain.accounts.Setup.FirstStart(ctx)
	if err != nil {
		return fmt.Errorf("first start: %w", err)
	}
	if link != "" {
		s.log.Info("first start: open this link within 24 hours to set up the first vendor admin",
			"link", link)
		return nil
	}
	waiting, err := s.domain.accounts.Setup.NeedsAdmin(ctx)
	if err != nil {
		return fmt.Errorf("first start: %w", err)
	}
	if waiting {
		s.log.Warn("the vendor organisation has no admin yet: use the setup link printed at " +
			"the first start, or `licensor admin create-user --vendor-admin`")
	}
	return nil
}

// apiOptions adds the domain's services to the HTTP layer's options.
func (s *Server) apiOptions(opts api.Options) api.Options {
	if s.domain == nil {
		return opts
	}
	opts.Accounts = s.domain.accounts
	opts.Authenticate = s.domain.authn.Middleware
	opts.Authorize = s.domain.policy.Authorize
	opts.Licenses = s.domain.licenses
	opts.Orgs = s.domain.orgs
	return opts
}
