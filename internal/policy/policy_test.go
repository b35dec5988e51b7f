package policy_test

import (
	"testing"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/auth"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/policy"
)

var (
	vendor  = org.Org{ID: "org_v", Kind: org.KindVendor}
	dist    = org.Org{ID: "org_d", Kind: org.KindDistributor}
	client  = org.Org{ID: "org_c", Kind: org.KindClient, DistributorID: "org_d"}
	sibling = org.Org{ID: "org_s", Kind: org.KindClient, DistributorID: "org_d"}
	foreign = org.Org{ID: "org_f", Kind: org.KindClient, DistributorID: "org_e"}
)

func member(o org.Org, role string) *auth.Principal {
	return &auth.Principal{Memberships: []org.Membership{{OrgID: o.ID, OrgKind: o.Kind,
		Role: role}}}
}

// The actors of DESIGN.md's table, written apart from the policy's own table: the columns
// of the table in order, then the distributor's own staff and the vendor's on their own
// organisations.
var actors = []struct {
	name string
	who  *auth.Principal
}{
	{"client_member", member(client, org.RoleMember)},
	{"client_admin", member(client, org.RoleAdmin)},
	{"dist_member", member(dist, org.RoleMember)},
	{"dist_admin", member(dist, org.RoleAdmin)},
	{"vendor_member", member(vendor, org.RoleMember)},
	{"vendor_admin", member(vendor, org.RoleAdmin)},
}

// TestTheTable checks each row of DESIGN.md's table "Who may do what" on a client, on a
// distributor (whose own staff follow the client columns, the vendor in the distributor's
// place) and on the vendor organisation (admins only, but every vendor member sees it and its
// log). Each string is one letter per actor of actors: y allowed, n refused (reached), - not
// reached.
func TestTheTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p                          api.Permission
		onClient, onDist, onVendor string
	}{
		{api.OrgView, "yyyyyy", "--yyyy", "----yy"},
		{api.OrgInvite, "yyyyyy", "--yyyy", "----ny"},
		{api.OrgManageMembers, "nynyyy", "--nyyy", "----ny"},
		{api.OrgEdit, "nyyyyy", "--nyyy", "----ny"},
		{api.LicenseKey, "nyyyyy", "--nyyy", "----ny"},
		{api.OrgCreateClient, "nnnnnn", "--yyyy", "----yy"},
		{api.LicenseManage, "nnyyyy", "--nnyy", "----ny"},
		{api.InvoiceManage, "nnyyyy", "--nnyy", "----ny"},
		{api.OrgAudit, "nyyyyy", "--nyyy", "----yy"},
		{api.OrgCreateDistributor, "nnnnnn", "--nnnn", "----ny"},
		{api.OrgMove, "nnnnyy", "--nnnn", "----nn"},
	}
	for _, tt := range tests {
		rule, ok := policy.Lookup(tt.p)
		if !ok {
			t.Fatalf("no rule for %s", tt.p)
		}
		for _, target := range []struct {
			o    org.Org
			want string
		}{{client, tt.onClient}, {dist, tt.onDist}, {vendor, tt.onVendor}} {
			for i, a := range actors {
				got := decide(rule, a.who, target.o)
				if got != target.want[i] {
					t.Errorf("%s on %s by %s: %c, want %c", tt.p, target.o.Kind, a.name, got,
						target.want[i])
				}
			}
		}
	}
}

func decide(rule policy.Rule, who *auth.Principal, o org.Org) byte {
	cols := policy.Standings(who, o)
	switch {
	case len(cols) == 0:
		return '-'
	case rule.Allows(cols, o.Kind):
		return 'y'
	}
	return 'n'
}

// TestReach: a sibling client of the same distributor is reached by the distributor's staff
// only; a client of another distributor by the vendor's staff only.
func TestReach(t *testing.T) {
	t.Parallel()
	for _, a := range actors {
		for _, target := range []struct {
			o    org.Org
			want bool
		}{
			{sibling, a.name == "dist_member" || a.name == "dist_admin" ||
				a.name == "vendor_member" || a.name == "vendor_admin"},
			{foreign, a.name == "vendor_member" || a.name == "vendor_admin"},
		} {
			got := len(policy.Standings(a.who, target.o)) > 0
			if got != target.want {
				t.Errorf("%s reaches %s: %v, want %v", a.name, target.o.ID, got, target.want)
			}
			if reach := org.ReachOf(a.who.Memberships).Reaches(target.o); reach != got {
				t.Errorf("%s: org.Reach says %v, the policy %v", a.name, reach, got)
			}
		}
	}
}

// TestEveryPermissionHasARule: deny by default holds only if every permission the route table
// uses has a row.
func TestEveryPermissionHasARule(t *testing.T) {
	t.Parallel()
	for _, rt := range api.New(api.Options{}).Routes() {
		if _, ok := policy.Lookup(rt.Permission); !ok {
			t.Errorf("route %s: permission %q has no rule", rt.MuxPattern(), rt.Permission)
		}
	}
}
