package api_test

import (
	"context"
	"sync"
	"testing"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// matrix is the world of the isolation test: terms published and accepted by every actor but
// noTerms, a canary in each organisation, and in each a license named after it and a pending
// invitation to an address made of it. Every actor also has a spare session, for the routes
// that end one.
type matrix struct {
	*world
	noTerms, licenseKey *actor
	// named names the organisations that are targets: client1..3, dist1, dist2 and vendor.
	named map[string]org.Org
	// canaries maps an organisation's id to the canary string seeded in it.
	canaries map[string]string
	// licenseIDs and invites map an organisation's id to its license's and invitation's id.
	licenseIDs, invites map[string]string
	// spare maps an actor's name to the id of their second session.
	spare map[string]string
}

// matrixTemplate is the first matrix world built by the test binary, and the writes that
// built it: every other route's world is a replay of them into a fresh store, which costs a
// few writes where building one through the services costs a hundred requests to the store.
var matrixTemplate struct {
	once   sync.Once
	m      *matrix
	writes [][]store.Op
}

// newMatrix returns a fresh matrix world on its own store and server.
func newMatrix(t testing.TB) *matrix {
	t.Helper()
	first := false
	matrixTemplate.once.Do(func() {
		first = true
		m := buildMatrix(t)
		matrixTemplate.m, matrixTemplate.writes = m, m.st.history()
	})
	if first {
		return matrixTemplate.m
	}
	if matrixTemplate.m == nil {
		t.Fatal("the matrix world failed to build in another test")
	}
	return matrixTemplate.m.replay(t, matrixTemplate.writes)
}

// replay returns a copy of m on a fresh store into which writes are replayed. The copy shares
// m's actors, which the matrix never changes.
func (m *matrix) replay(t testing.TB, writes [][]store.Op) *matrix {
	t.Helper()
	e := openOrgEnv(t)
	for _, ops := range batches(writes) {
		e.write(t, ops...)
	}
	e.vendor = m.vendor
	w := *m.world
	w.orgEnv = e
	out := *m
	out.world = &w
	return &out
}

// batches joins consecutive writes into writes of at most store.MaxOps operations, none of
// which addresses an item that another operation of the same write addresses: each condition
// then meets the item as it met it when first written, and the replay ends as the original.
func batches(writes [][]store.Op) [][]store.Op {
	var out [][]store.Op
	var cur []store.Op
	keys := map[store.Key]bool{}
	for _, ops := range writes {
		clash := len(cur)+len(ops) > store.MaxOps
		for _, op := range ops {
			clash = clash || keys[op.Target()]
		}
		if clash {
			out, cur = append(out, cur), nil
			clear(keys)
		}
		for _, op := range ops {
			keys[op.Target()] = true
		}
		cur = append(cur, ops...)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// buildMatrix builds the matrix world through the services.
func buildMatrix(t testing.TB) *matrix {
	t.Helper()
	ctx := context.Background()
	m := &matrix{world: newWorld(t), canaries: map[string]string{},
		licenseIDs: map[string]string{}, invites: map[string]string{}, spare: map[string]string{}}
	m.named = map[string]org.Org{"client1": m.client1, "client2": m.client2,
		"client3": m.client3, "dist1": m.dist1, "dist2": m.dist2, "vendor": m.vendor}
	if _, err := m.terms.Publish(ctx, "The terms.", m.vendorAdmin.user); err != nil {
		t.Fatal(err)
	}
	for _, a := range m.actors() {
		u, err := account.Get(ctx, m.st, a.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.terms.Accept(ctx, u, 1, "192.0.2.1"); err != nil {
			t.Fatal(err)
		}
	}
	m.noTerms = m.newUser(t, "noterms", role{m.client1, org.RoleAdmin})
	for _, a := range append(m.actors(), m.noTerms) {
		m.spare[a.name] = m.startSession(t, a, "192.0.2.9").Session.ID
	}
	for _, o := range []org.Org{m.vendor, m.dist1, m.dist2, m.client1, m.client2, m.client3,
		m.client4} {
		m.seed(t, o)
	}
	m.licenseKey = &actor{name: "license_key", key: m.licenseKeys(t)[m.client1.ID]}
	return m
}

// seed puts a canary in o's address and a pending invitation to an address made of it.
func (m *matrix) seed(t testing.TB, o org.Org) {
	t.Helper()
	ctx := context.Background()
	canary := "canary" + o.ID[len(o.ID)-10:]
	m.canaries[o.ID] = canary
	if _, err := m.orgs.Update(ctx, o.ID, org.Input{Address: &canary}); err != nil {
		t.Fatal(err)
	}
	res, err := m.invitations.Invite(ctx, m.vendorAdmin.user, o.ID, canary+"@example.org",
		org.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	m.invites[o.ID] = res.Invitation.ID
}

// licenseKeys makes a license in each target organisation but the vendor's, which holds none,
// named after its canary, and returns their keys by organisation id.
func (m *matrix) licenseKeys(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, o := range m.named {
		if o.ID == m.vendor.ID {
			continue
		}
		l, key, err := m.licenses.Create(context.Background(), o.ID, license.Terms{
			Name: "License of " + m.canaries[o.ID], PrepaidCores: 4, CorePrice: 100,
			ExtraCorePrice: 150, Currency: "EUR", StartsOn: "2030-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		m.licenseIDs[o.ID] = l.ID
		out[o.ID] = key.Reveal()
	}
	return out
}

// actors are the actors of the world who accepted the terms, signed in.
func (m *matrix) actors() []*actor {
	return []*actor{m.vendorAdmin, m.vendorMember, m.distAdmin, m.distMember, m.clientAdmin,
		m.clientMember, m.twoOrgs}
}
