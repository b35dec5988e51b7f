package auth_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/terms"
)

type fixture struct {
	a     *auth.Authenticator
	st    store.Store
	user  account.User
	token string
}

// newFixture stores a user, a vendor membership and a session of it.
func newFixture(t *testing.T) fixture {
	t.Helper()
	st := teststore.Open(t, store.Options{})
	sessions := &session.Manager{Store: st}
	u := account.User{ID: "usr_1", Email: "ann@example.com", Name: "Ann", CreatedAt: time.Now()}
	ops, err := account.CreateOps(u)
	if err != nil {
		t.Fatal(err)
	}
	m, err := org.AddMemberOp(org.Membership{OrgID: "org_v", UserID: u.ID, Role: org.RoleAdmin,
		OrgKind: org.KindVendor, JoinedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	token, _, put, err := sessions.New(u.ID, 0, "curl/8", "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write(t.Context(), append(ops, m, put)...); err != nil {
		t.Fatal(err)
	}
	return fixture{st: st, user: u, token: token, a: &auth.Authenticator{Store: st,
		Sessions: sessions, Terms: &terms.Service{Store: st},
		Cookie: session.Cookie{Name: session.LocalCookieName}}}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p, err := f.a.Load(t.Context(), f.token)
	if err != nil || p == nil || p.User.ID != f.user.ID || !p.IsVendorAdmin() ||
		p.Role("org_v") != org.RoleAdmin || p.Role("org_x") != "" || p.TermsRequired() {
		t.Fatalf("principal %+v %v", p, err)
	}
	for _, junk := range []string{"", "junk", f.token + "x"} {
		if p, err := f.a.Load(t.Context(), junk); p != nil || err != nil {
			t.Errorf("token %q: %+v %v", junk, p, err)
		}
	}
	// A raised session generation (a password change elsewhere) ends the session.
	u, _ := account.Get(t.Context(), f.st, f.user.ID)
	u.SessionGen++
	op, _ := account.SaveOp(u)
	if err := f.st.Write(t.Context(), op); err != nil {
		t.Fatal(err)
	}
	if p, err := f.a.Load(t.Context(), f.token); p != nil || err != nil {
		t.Errorf("after a new generation: %+v %v", p, err)
	}
}

func TestTermsRequired(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		current, accepted int
		want              bool
	}{{0, 0, false}, {1, 0, true}, {1, 1, false}, {2, 1, true}} {
		p := &auth.Principal{TermsVersion: tt.current,
			User: account.User{TermsAccepted: tt.accepted}}
		if got := p.TermsRequired(); got != tt.want {
			t.Errorf("current %d accepted %d: %v", tt.current, tt.accepted, got)
		}
	}
}

// TestMiddleware loads the principal for API paths only.
func TestMiddleware(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var got *auth.Principal
	h := f.a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = auth.From(r.Context())
	}))
	for _, tt := range []struct {
		path string
		want bool
	}{{"/api/v1/me", true}, {"/assets/app.js", false}} {
		r := httptest.NewRequest("GET", tt.path, nil)
		r.AddCookie(&http.Cookie{Name: session.LocalCookieName, Value: f.token})
		got = nil
		h.ServeHTTP(httptest.NewRecorder(), r)
		if (got != nil) != tt.want {
			t.Errorf("%s: principal %v, want %v", tt.path, got != nil, tt.want)
		}
	}
}
