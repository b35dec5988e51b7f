package api_test

import (
	"context"
	"testing"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/org"
)

// matrix is the world of the isolation test: terms published and accepted by every actor but
// noTerms, a canary in each tenant, a license and a pending invitation in each client.
type matrix struct {
	*world
	noTerms, licenseKey *actor
	// canaries maps an organisation's id to the canary string seeded in it.
	canaries map[string]string
	// licenseIDs and invites map a client's id to its license's and invitation's id.
	licenseIDs, invites map[string]string
}

func newMatrix(t testing.TB) *matrix {
	t.Helper()
	ctx := context.Background()
	m := &matrix{world: newWorld(t), canaries: map[string]string{},
		licenseIDs: map[string]string{}, invites: map[string]string{}}
	if _, err := m.terms.Publish(ctx, "The terms.", m.vendorAdmin.user); err != nil {
		t.Fatal(err)
	}
	for _, a := range m.actors() {
		if a.user.ID == "" {
			continue
		}
		u, err := account.Get(ctx, m.st, a.user.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.terms.Accept(ctx, u, 1, "192.0.2.1"); err != nil {
			t.Fatal(err)
		}
	}
	m.noTerms = m.newUser(t, "noterms", role{m.client1, org.RoleAdmin})
	for _, o := range []org.Org{m.dist1, m.dist2, m.client1, m.client2, m.client3, m.client4} {
		m.seed(t, o)
	}
	m.licenseKey = &actor{name: "license_key", key: m.licenseKeyOf(t, m.client1)}
	return m
}

// seed puts a canary in o's address and, for a client, a license named after it and a pending
// invitation to an address made of it.
func (m *matrix) seed(t testing.TB, o org.Org) {
	t.Helper()
	ctx := context.Background()
	canary := "canary" + o.ID[len(o.ID)-10:]
	m.canaries[o.ID] = canary
	if _, err := m.orgs.Update(ctx, o.ID, org.Input{Address: &canary}); err != nil {
		t.Fatal(err)
	}
	if o.Kind != org.KindClient {
		return
	}
	res, err := m.invitations.Invite(ctx, m.vendorAdmin.user, o.ID, canary+"@example.org",
		org.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	m.invites[o.ID] = res.Invitation.ID
}

// licenseKeyOf makes a license in each client named after its canary, and returns the key of
// o's.
func (m *matrix) licenseKeyOf(t testing.TB, o org.Org) string {
	t.Helper()
	var out string
	for _, c := range []org.Org{m.client1, m.client2, m.client3} {
		l, key, err := m.licenses.Create(context.Background(), c.ID, license.Terms{
			Name: "License of " + m.canaries[c.ID], PrepaidCores: 4, CorePrice: 100,
			ExtraCorePrice: 150, Currency: "EUR", StartsOn: "2030-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		m.licenseIDs[c.ID] = l.ID
		if c.ID == o.ID {
			out = key.Reveal()
		}
	}
	return out
}

// actors are the actors of the world, signed in.
func (m *matrix) actors() []*actor {
	return []*actor{m.vendorAdmin, m.vendorMember, m.distAdmin, m.distMember, m.clientAdmin,
		m.clientMember, m.twoOrgs}
}
