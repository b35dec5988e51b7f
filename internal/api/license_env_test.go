package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/policy"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/readcache"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/terms"
	"github.com/licensorhq/licensor/internal/testenv"
	"github.com/licensorhq/licensor/internal/throttle"
)

// keyBurst is how many refused keys an address may send before it is refused (of each kind:
// malformed, and well-formed but unknown).
const keyBurst = 4

// licEnv is the HTTP API with real license, session and policy services on a test store: a
// vendor, a distributor managing a client, another distributor, and a member of each kind.
type licEnv struct {
	srv                    *httptest.Server
	st                     store.Store
	svc                    *license.Service
	sessions               *session.Manager
	vendor, dist, client   org.Org
	otherDist, otherClient org.Org
	cookies                map[string]string // actor name: session token
	cookie                 session.Cookie
}

func newLicEnv(t testing.TB) *licEnv {
	t.Helper()
	c := testenv.ClockAt(time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC))
	// The validation records are cached, as `licensor serve` on SQLite does: a record left
	// stale by a change fails the tests of that change.
	st := readcache.New(teststore.Open(t, store.Options{Now: c.Now,
		Streamed: []string{mail.ItemType}}), license.IsRecordKey, 1000, c.Now)
	public, _ := url.Parse("http://localhost:8080")
	cookie, err := session.CookieFor(public)
	if err != nil {
		t.Fatal(err)
	}
	e := &licEnv{st: st, sessions: &session.Manager{Store: st, Now: c.Now},
		cookies: map[string]string{}, cookie: cookie}
	e.svc = &license.Service{Store: st, Secret: []byte("a test secret of 32 bytes or more"),
		Outbox: mail.NewOutbox(st, nil, mail.Options{Now: c.Now}), PublicURL: public, Now: c.Now}
	e.seed(t, c.Now())
	tc := &terms.Service{Store: st, Now: c.Now}
	authn := &auth.Authenticator{Store: st, Sessions: e.sessions, Terms: tc, Cookie: cookie}
	guard := license.NewKeyGuard(&throttle.Bucket{Store: st, Name: "license_key_ip", Rate: 1,
		Per: time.Minute, Burst: keyBurst, Now: c.Now})
	a := api.New(api.Options{Store: st, Authenticate: authn.Middleware,
		Authorize: (&policy.Policy{Store: st, Now: c.Now}).Authorize,
		Licenses:  &api.Licenses{Licenses: e.svc, Guard: guard}})
	e.srv = httptest.NewServer(a.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

// seed makes the organisations and one signed-in user per actor.
func (e *licEnv) seed(t testing.TB, now time.Time) {
	t.Helper()
	e.vendor = e.putOrg(t, now, "Vendor", org.KindVendor, "")
	e.dist = e.putOrg(t, now, "Dist One", org.KindDistributor, "")
	e.client = e.putOrg(t, now, "Client One", org.KindClient, e.dist.ID)
	e.otherDist = e.putOrg(t, now, "Dist Two", org.KindDistributor, "")
	e.otherClient = e.putOrg(t, now, "Client Two", org.KindClient, e.otherDist.ID)
	for _, a := range []struct {
		name string
		o    org.Org
		role string
	}{
		{"vendor_admin", e.vendor, org.RoleAdmin},
		{"vendor_member", e.vendor, org.RoleMember},
		{"dist_member", e.dist, org.RoleMember},
		{"client_admin", e.client, org.RoleAdmin},
		{"client_member", e.client, org.RoleMember},
		{"other_dist_admin", e.otherDist, org.RoleAdmin},
	} {
		e.cookies[a.name] = e.putUser(t, now, a.name, a.o, a.role)
	}
}

// putOrg writes an organisation as package org keeps it.
func (e *licEnv) putOrg(t testing.TB, now time.Time, name, kind, dist string) org.Org {
	t.Helper()
	o := org.Org{ID: id.New(id.Org, now), Name: name, Kind: kind, DistributorID: dist,
		CreatedAt: now}
	body, _ := json.Marshal(o)
	it := store.Item{Key: org.Key(o.ID), Type: org.ItemType, Body: body}
	if err := e.st.Write(t.Context(), store.Put(it)); err != nil {
		t.Fatal(err)
	}
	return o
}

// putUser makes a user, member of o with role, and a session; it returns the session token.
func (e *licEnv) putUser(t testing.TB, now time.Time, name string, o org.Org, role string) string {
	t.Helper()
	u := account.User{ID: id.New(id.User, now), Email: name + "@example.com", Name: name,
		CreatedAt: now}
	ops, err := account.CreateOps(u)
	if err != nil {
		t.Fatal(err)
	}
	m, err := org.AddMemberOp(org.Membership{OrgID: o.ID, UserID: u.ID, Role: role,
		OrgKind: o.Kind, JoinedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	token, _, put, err := e.sessions.New(u.ID, 0, "test", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.Write(t.Context(), append(ops, m, put)...); err != nil {
		t.Fatal(err)
	}
	return token
}

// licAnswer is an answer with its body read.
type licAnswer struct {
	status int
	header http.Header
	body   string
}

// call sends method path as actor ("" anonymous) with a JSON body ("" for none).
func (e *licEnv) call(t testing.TB, actor, method, path, body string) licAnswer {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if actor != "" {
		req.AddCookie(&http.Cookie{Name: e.cookieName(), Value: e.cookies[actor]})
	}
	return e.send(t, req)
}

func (e *licEnv) cookieName() string {
	w := httptest.NewRecorder()
	e.cookie.Set(w, "x")
	return strings.SplitN(w.Header().Get("Set-Cookie"), "=", 2)[0]
}

// validate posts to the validation route with header as Authorization ("" for none).
func (e *licEnv) validate(t testing.TB, header string) licAnswer {
	t.Helper()
	req, err := http.NewRequest("POST", e.srv.URL+"/api/v1/license/validate", nil)
	if err != nil {
		t.Fatal(err)
	}
	if header != "" {
		req.Header.Set("Authorization", header)
	}
	return e.send(t, req)
}

func (e *licEnv) send(t testing.TB, req *http.Request) licAnswer {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return licAnswer{status: resp.StatusCode, header: resp.Header, body: string(raw)}
}

// want fails the test unless the answer has status and, when code is set, that problem code.
func (a licAnswer) want(t testing.TB, status int, code api.Code) {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d (%s); want %d %s", a.status, a.body, status, code)
	}
	if code == "" {
		return
	}
	var p api.Problem
	if err := json.Unmarshal([]byte(a.body), &p); err != nil || p.Code != code {
		t.Fatalf("problem %s; want code %s", a.body, code)
	}
}

func (a licAnswer) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(a.body), v); err != nil {
		t.Fatalf("decode %s: %v", a.body, err)
	}
}

const licenseBody = `{"name":"Production","prepaid_cores":16,"core_price":1200,` +
	`"extra_core_price":1500,"currency":"EUR","starts_on":"2026-01-01","ends_on":"2026-12-31"}`

// created is the answer of a license creation.
type created struct {
	ID       string `json:"id"`
	Key      string `json:"key"`
	KeyLast4 string `json:"key_last4"`
}

// createLicense creates a license of the client as the distributor's member.
func (e *licEnv) createLicense(t testing.TB) created {
	t.Helper()
	got := e.call(t, "dist_member", "POST", "/api/v1/orgs/"+e.client.ID+"/licenses", licenseBody)
	got.want(t, 201, "")
	var c created
	got.decode(t, &c)
	return c
}
