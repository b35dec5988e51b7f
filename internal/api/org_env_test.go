package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/invitation"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/metrics"
	"github.com/licensorhq/licensor/internal/openapi"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/password"
	"github.com/licensorhq/licensor/internal/policy"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/setup"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/terms"
	"github.com/licensorhq/licensor/internal/testenv"
	"github.com/licensorhq/licensor/internal/throttle"
)

// orgEnv is a server with the account and organisation routes on a real store.
type orgEnv struct {
	st       *recorder
	clock    *testenv.Clock
	srv      *httptest.Server
	accounts *account.Service
	orgs     *org.Service
	terms    *terms.Service
	licenses *license.Service
	// invitations is set by orgServices.
	invitations *invitation.Service
	vendor      org.Org
	cookie      session.Cookie
}

var testPublicURL, _ = url.Parse("http://localhost:8080")

func newOrgEnv(t testing.TB) *orgEnv {
	t.Helper()
	e := openOrgEnv(t)
	e.vendor = org.Org{ID: id.New(id.Org, e.clock.Now()), Name: "Vendor Ltd",
		CreatedAt: e.clock.Now()}
	ops, err := org.CreateVendorOps(context.Background(), e.vendor)
	if err != nil {
		t.Fatal(err)
	}
	e.write(t, ops...)
	e.vendor.Kind = org.KindVendor
	return e
}

// openOrgEnv is the server on an empty store, without even the vendor organisation.
func openOrgEnv(t testing.TB) *orgEnv {
	t.Helper()
	c := testenv.ClockAt(time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC))
	st := &recorder{Store: teststore.Open(t, store.Options{Now: c.Now})}
	e := &orgEnv{st: st, clock: c}
	outbox := mail.NewOutbox(st, nil, mail.Options{Now: c.Now})
	sessions := &session.Manager{Store: st, Now: c.Now}
	e.accounts = account.New(account.Config{Store: st, Outbox: outbox, PublicURL: testPublicURL,
		Sessions: sessions, Now: c.Now, Hasher: &password.Hasher{Params: orgHashParams}})
	e.orgs = &org.Service{Store: st, Outbox: outbox, PublicURL: testPublicURL, Now: c.Now}
	e.cookie, _ = session.CookieFor(testPublicURL)
	tc := &terms.Service{Store: st, Now: c.Now}
	e.terms = tc
	pol := &policy.Policy{Store: st, Now: c.Now}
	authn := &auth.Authenticator{Store: st, Sessions: sessions, Terms: tc, Cookie: e.cookie}
	e.licenses = &license.Service{Store: st, Secret: []byte("a test secret of 32 bytes or more"),
		Outbox: outbox, PublicURL: testPublicURL, Now: c.Now}
	guard := license.NewKeyGuard(&throttle.Bucket{Store: st, Name: "license_key_ip", Now: c.Now})
	h := api.New(api.Options{Store: st, Authorize: pol.Authorize, Authenticate: authn.Middleware,
		Accounts: &api.Accounts{Accounts: e.accounts, Terms: tc, Cookie: e.cookie,
			Setup: &setup.Service{Accounts: e.accounts}},
		Orgs:    e.orgServices(pol, outbox, tc),
		OpenAPI: openapi.Document(), Metrics: metrics.New().Handler(),
		Licenses: &api.Licenses{Licenses: e.licenses, Guard: guard}}).Handler()
	e.srv = httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	return e
}

// orgHashParams keep tests quick; argon2's cost is not what they test.
var orgHashParams = password.Params{Memory: 64, Time: 1, Threads: 1}

func (e *orgEnv) write(t testing.TB, ops ...store.Op) {
	t.Helper()
	if err := e.st.Write(context.Background(), ops...); err != nil {
		t.Fatal(err)
	}
}

// newOrg creates an organisation as a command line tool would (no actor).
func (e *orgEnv) newOrg(t testing.TB, name, kind, distributorID string) org.Org {
	t.Helper()
	in := org.Input{Name: &name, Kind: &kind}
	if distributorID != "" {
		in.DistributorID = &distributorID
	}
	o, err := e.orgs.Create(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// actor is a signed-in user, or anonymous when cookie is "".
type actor struct {
	name   string
	user   account.User
	cookie string
	// session is the id of cookie's session.
	session string
	// key is a license key sent as "Authorization: License <key>" (the license key actor).
	key string
}

// role is a membership to give a new user.
type role struct {
	org  org.Org
	role string
}

// newUser creates a user with memberships and signs them in.
func (e *orgEnv) newUser(t testing.TB, name string, roles ...role) *actor {
	t.Helper()
	now := e.clock.Now()
	u := account.User{ID: id.New(id.User, now), Email: name + "@example.com", Name: name,
		CreatedAt: now}
	ops, err := account.CreateOps(u)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		op, err := org.AddMemberOp(org.Membership{OrgID: r.org.ID, UserID: u.ID, Role: r.role,
			OrgKind: r.org.Kind, JoinedAt: now})
		if err != nil {
			t.Fatal(err)
		}
		ops = append(ops, op)
	}
	e.write(t, ops...)
	u.Version = 1
	started, err := e.accounts.StartSession(context.Background(), u, account.Client{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	return &actor{name: name, user: u, cookie: started.Token, session: started.Session.ID}
}

// call sends a request as a (nil: anonymous) with body (nil: none) and returns the status and
// the body of the answer.
func (e *orgEnv) call(t testing.TB, a *actor, method, path string, body any) (int, []byte) {
	t.Helper()
	st, b, _ := e.callResp(t, a, method, path, body)
	return st, b
}

// must calls and fails the test unless the answer has status want; it decodes the body into
// out when out is not nil.
func (e *orgEnv) must(t testing.TB, want int, a *actor, method, path string, body, out any) {
	t.Helper()
	got, b := e.call(t, a, method, path, body)
	if got != want {
		t.Fatalf("%s %s: status %d, want %d; body %s", method, path, got, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
}

// problemCode returns the problem code of an answer body ("" for none).
func problemCode(b []byte) string {
	var p struct{ Code string }
	_ = json.Unmarshal(b, &p)
	return p.Code
}

// events returns the audit events of organisation orgID ("" for all), newest first.
func (e *orgEnv) events(t testing.TB, orgID string) []audit.Event {
	t.Helper()
	q := store.Query{Index: store.GSI1, PK: "audit", Backward: true}
	if orgID != "" {
		q = store.Query{PK: "audit#" + orgID, Backward: true}
	}
	page, err := e.st.Query(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var out []audit.Event
	for _, it := range page.Items {
		var ev audit.Event
		if err := it.Decode(&ev); err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

// queued returns the mails waiting in the outbox, oldest first.
func (e *orgEnv) queued(t testing.TB) []mail.Message {
	t.Helper()
	return teststore.All[mail.Message](t, e.st, store.Query{Index: store.GSI1, PK: "mail#due"})
}

// event returns an event of action in orgID's log (the frozen clock leaves events of one
// millisecond unordered, so tests find events by action).
func (e *orgEnv) event(t testing.TB, orgID, action string) audit.Event {
	t.Helper()
	for _, ev := range e.events(t, orgID) {
		if ev.Action == action {
			return ev
		}
	}
	t.Fatalf("no %s event in %s's log", action, orgID)
	return audit.Event{}
}

// callResp is call that also returns the answer, for its headers.
func (e *orgEnv) callResp(t testing.TB, a *actor, method, path string, body any) (int, []byte,
	*http.Response) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a != nil && a.cookie != "" {
		req.AddCookie(&http.Cookie{Name: e.cookie.Name, Value: a.cookie})
	}
	if a != nil && a.key != "" {
		req.Header.Set("Authorization", "License "+a.key)
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp
}

// refresh starts a new session for a, whose old one the clock may have ended.
func (a *actor) refresh(t testing.TB, w *world) {
	t.Helper()
	started := w.startSession(t, a, "192.0.2.1")
	a.cookie, a.session = started.Token, started.Session.ID
}

// startSession starts another session of a's user, from ip.
func (e *orgEnv) startSession(t testing.TB, a *actor, ip string) account.Started {
	t.Helper()
	u, err := account.Get(context.Background(), e.st, a.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	started, err := e.accounts.StartSession(context.Background(), u, account.Client{IP: ip})
	if err != nil {
		t.Fatal(err)
	}
	return started
}
