package api

import (
	"net/http"
	"net/url"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/setup"
	"github.com/licensorhq/licensor/internal/terms"
)

// Accounts are what the account, session, setup and terms routes are served with.
type Accounts struct {
	Accounts *account.Service
	Terms    *terms.Service
	Setup    *setup.Service
	// Cookie is how the session cookie is written (session.CookieFor the public URL).
	Cookie session.Cookie
	// ReturnURLs are the sites whose URLs may follow sign-in (LICENSOR_RETURN_URLS).
	ReturnURLs []*url.URL
}

// accounts returns the account services, or the error that answers 503 without them.
func (a *API) accounts() (*Accounts, error) {
	if a.opts.Accounts == nil {
		return nil, Errorf(CodeUnavailable, "accounts are not configured")
	}
	return a.opts.Accounts, nil
}

// principal returns the signed-in principal of r. The route's permission made sure there is
// one; a route that lets anonymous callers through must not call it.
func principal(r *http.Request) (*auth.Principal, error) {
	p, err := auth.From(r.Context())
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, Errorf(CodeUnauthenticated, "sign in first")
	}
	return p, nil
}

// client is where r comes from, for sessions and audit events.
func client(r *http.Request) account.Client {
	return account.Client{IP: ClientIP(r), UserAgent: r.UserAgent()}
}

// userJSON is a user as the API shows it: never the password hash or versions.
type userJSON struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

func userOf(u account.User) userJSON {
	return userJSON{ID: u.ID, Email: u.Email, Name: u.Name, CreatedAt: u.CreatedAt.UTC()}
}
