package license_test

import (
	"context"
	"encoding/json"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
)

// clock is a test clock that moves step forward at each reading, so that the ids made at each
// step (time-ordered to the millisecond) sort in the order they were made.
type clock struct {
	mu   sync.Mutex
	now  time.Time
	step time.Duration
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now
	c.now = c.now.Add(c.step)
	return now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// env is a service on a fresh store with one client organisation, its admin and a member.
type env struct {
	st     store.Store
	src    store.ChangeReader
	svc    *license.Service
	clock  *clock
	client org.Org
	admin  account.User
	ctx    context.Context // carries the admin as the actor
}

func newEnv(t *testing.T) *env {
	t.Helper()
	c := &clock{now: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), step: time.Millisecond}
	st := teststore.Open(t, store.Options{Now: c.Now,
		Streamed: []string{mail.ItemType, org.ItemType}})
	e := &env{st: st, src: st, clock: c}
	e.svc = &license.Service{Store: st, Secret: []byte("0123456789abcdef0123456789abcdef"),
		Outbox: mail.NewOutbox(st, nil, mail.Options{Now: c.Now}), Now: c.Now,
		PublicURL: &url.URL{Scheme: "https", Host: "licensor.example"}}
	e.client = e.addOrg(t, "Acme Ltd")
	e.admin = e.addUser(t, e.client.ID, "ada@acme.example", org.RoleAdmin)
	e.addUser(t, e.client.ID, "bob@acme.example", org.RoleMember)
	e.ctx = audit.WithOrigin(t.Context(), audit.Origin{Actor: e.admin.ID, RequestID: "req1"})
	return e
}

// addOrg writes a client organisation as package org stores it.
func (e *env) addOrg(t *testing.T, name string) org.Org {
	t.Helper()
	o := org.Org{ID: id.New(id.Org, e.clock.Now()), Name: name, Kind: org.KindClient,
		CreatedAt: e.clock.Now()}
	body, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	it := store.Item{Key: org.Key(o.ID), Type: org.ItemType, Body: body}
	if err := e.st.Write(t.Context(), store.Put(it)); err != nil {
		t.Fatal(err)
	}
	return o
}

func (e *env) addUser(t *testing.T, orgID, email, role string) account.User {
	t.Helper()
	u := account.User{ID: id.New(id.User, e.clock.Now()), Email: email, Name: "User " + email,
		CreatedAt: e.clock.Now()}
	ops, err := account.CreateOps(u)
	if err != nil {
		t.Fatal(err)
	}
	m, err := org.AddMemberOp(org.Membership{OrgID: orgID, UserID: u.ID, Role: role,
		OrgKind: org.KindClient, JoinedAt: e.clock.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.Write(t.Context(), append(ops, m)...); err != nil {
		t.Fatal(err)
	}
	return u
}

func terms() license.Terms {
	return license.Terms{Name: "Production", PrepaidCores: 16, CorePrice: 12_00,
		ExtraCorePrice: 15_00, Currency: "EUR", StartsOn: "2026-01-01", EndsOn: "2026-12-31"}
}

// create makes a license of the client with terms() changed by change.
func (e *env) create(t *testing.T, change func(*license.Terms)) (license.License, string) {
	t.Helper()
	tm := terms()
	if change != nil {
		change(&tm)
	}
	l, key, err := e.svc.Create(e.ctx, e.client.ID, tm)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return l, key.Reveal()
}

// events returns the audit events of orgID, oldest first.
func (e *env) events(t *testing.T, orgID string) []audit.Event {
	t.Helper()
	page, err := e.st.Query(t.Context(), store.Query{PK: "audit#" + orgID})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]audit.Event, len(page.Items))
	for i, it := range page.Items {
		if err := it.Decode(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// mails returns the messages waiting in the outbox.
func (e *env) mails(t *testing.T) []mail.Message {
	t.Helper()
	return teststore.All[mail.Message](t, e.st, store.Query{Index: store.GSI1, PK: "mail#due"})
}

// validate validates key, failing the test on an error.
func (e *env) validate(t *testing.T, key string) license.Answer {
	t.Helper()
	a, err := e.svc.Validate(t.Context(), key)
	if err != nil {
		t.Fatalf("Validate: %v", err)
	}
	return a
}

// state is what a refused change must leave as it was: the license, its organisation's audit
// log and the outbox.
type state struct {
	License license.License
	Events  int
	Mails   int
}

func (e *env) state(t *testing.T, licID string) state {
	t.Helper()
	l, err := e.svc.Get(t.Context(), licID)
	if err != nil {
		t.Fatal(err)
	}
	return state{l, len(e.events(t, e.client.ID)), len(e.mails(t))}
}

// equalJSON reports whether a and b marshal to the same JSON.
func equalJSON(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}
