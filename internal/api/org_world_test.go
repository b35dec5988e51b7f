package api_test

import (
	"testing"

	"github.com/licensorhq/licensor/internal/org"
)

// world is a vendor, two distributors and four clients, with a user of each role:
//
//	vendor: vendorAdmin, vendorMember
//	dist1 (distributor): distAdmin, distMember; manages client1 (clientAdmin, clientMember)
//	                     and client2 (client2Admin)
//	dist2 (distributor): dist2Admin; manages client3 (client3Admin)
//	client4 (no distributor): client4Admin
//	twoOrgs: a member of client1 and an admin of client3
type world struct {
	*orgEnv
	dist1, dist2, client1, client2, client3, client4                    org.Org
	vendorAdmin, vendorMember, distAdmin, distMember, dist2Admin        *actor
	clientAdmin, clientMember, client2Admin, client3Admin, client4Admin *actor
	twoOrgs                                                             *actor
}

func newWorld(t testing.TB) *world {
	t.Helper()
	e := newOrgEnv(t)
	w := &world{orgEnv: e}
	w.dist1 = e.newOrg(t, "Dist One", org.KindDistributor, "")
	w.dist2 = e.newOrg(t, "Dist Two", org.KindDistributor, "")
	w.client1 = e.newOrg(t, "Client One", org.KindClient, w.dist1.ID)
	w.client2 = e.newOrg(t, "Client Two", org.KindClient, w.dist1.ID)
	w.client3 = e.newOrg(t, "Client Three", org.KindClient, w.dist2.ID)
	w.client4 = e.newOrg(t, "Client Four", org.KindClient, "")
	w.vendorAdmin = e.newUser(t, "vendoradmin", role{e.vendor, org.RoleAdmin})
	w.vendorMember = e.newUser(t, "vendormember", role{e.vendor, org.RoleMember})
	w.distAdmin = e.newUser(t, "distadmin", role{w.dist1, org.RoleAdmin})
	w.distMember = e.newUser(t, "distmember", role{w.dist1, org.RoleMember})
	w.dist2Admin = e.newUser(t, "dist2admin", role{w.dist2, org.RoleAdmin})
	w.clientAdmin = e.newUser(t, "clientadmin", role{w.client1, org.RoleAdmin})
	w.clientMember = e.newUser(t, "clientmember", role{w.client1, org.RoleMember})
	w.client2Admin = e.newUser(t, "client2admin", role{w.client2, org.RoleAdmin})
	w.client3Admin = e.newUser(t, "client3admin", role{w.client3, org.RoleAdmin})
	w.client4Admin = e.newUser(t, "client4admin", role{w.client4, org.RoleAdmin})
	w.twoOrgs = e.newUser(t, "twoorgs", role{w.client1, org.RoleMember},
		role{w.client3, org.RoleAdmin})
	return w
}
