package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
)

// TermsSource tells the current terms version (package terms' Service).
type TermsSource interface {
	CurrentNumber(ctx context.Context) (int, error)
}

// Authenticator loads principals.
type Authenticator struct {
	Store    store.Store
	Sessions *session.Manager
	Terms    TermsSource
	Cookie   session.Cookie
}

// Middleware loads the principal of every API request that carries a session cookie. Other
// paths (the web UI's files) are passed on untouched: they need no principal, and loading one
// for each file would cost reads.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := a.Cookie.Read(r)
		if token == "" || !strings.HasPrefix(r.URL.Path, "/api/") {
			next.ServeHTTP(w, r)
			return
		}
		p, err := a.Load(r.Context(), token)
		ctx := WithPrincipal(r.Context(), p)
		if err != nil {
			ctx = withError(r.Context(), err)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Load returns the principal of the session whose cookie is token, or nil when the session is
// not valid: unknown, ended, past its limits, of an older generation than its user's, or of a
// user that no longer exists.
func (a *Authenticator) Load(ctx context.Context, token string) (*Principal, error) {
	sess, err := a.Sessions.Lookup(ctx, token)
	if errors.Is(err, session.ErrNoSession) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load session: %w", err)
	}
	u, err := account.Get(ctx, a.Store, sess.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.SessionGen != sess.Gen) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load session user: %w", err)
	}
	ms, err := org.MembershipsOf(ctx, a.Store, u.ID)
	if err != nil {
		return nil, err
	}
	n, err := a.Terms.CurrentNumber(ctx)
	if err != nil {
		return nil, err
	}
	return &Principal{User: u, Session: sess, Memberships: ms, TermsVersion: n}, nil
}
