package api_test

import (
	"slices"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/throttle"
)

type orgList struct {
	Items []struct {
		ID          string
		Name        string
		Kind        string
		Distributor *struct{ ID, Name string }
	}
	NextCursor string `json:"next_cursor"`
}

func (l orgList) names() []string {
	var out []string
	for _, o := range l.Items {
		out = append(out, o.Name)
	}
	return out
}

func TestListOrgsShowsTheReach(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	all := []string{"Client Four", "Client One", "Client Three", "Client Two", "Dist One",
		"Dist Two", "Vendor Ltd"}
	tests := []struct {
		name  string
		who   *actor
		query string
		want  []string
	}{
		{"vendor_admin", w.vendorAdmin, "", all},
		{"vendor_member", w.vendorMember, "", all},
		{"distributor", w.distMember, "", []string{"Client One", "Client Two", "Dist One"}},
		{"client", w.clientMember, "", []string{"Client One"}},
		{"two_orgs", w.twoOrgs, "", []string{"Client One", "Client Three"}},
		{"search", w.vendorMember, "?q=CLIENT%20t", []string{"Client Three", "Client Two"}},
		{"search_distributor", w.distAdmin, "?q=dist", []string{"Dist One"}},
		{"kind", w.vendorMember, "?kind=distributor", []string{"Dist One", "Dist Two"}},
		{"kind_distributor_staff", w.distAdmin, "?kind=client", []string{"Client One",
			"Client Two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got orgList
			w.must(t, 200, tt.who, "GET", "/api/v1/orgs"+tt.query, nil, &got)
			if !slices.Equal(got.names(), tt.want) || got.NextCursor != "" {
				t.Errorf("got %v (cursor %q), want %v", got.names(), got.NextCursor, tt.want)
			}
		})
	}
}

func TestListOrgsPagesAndShowsDistributors(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, who := range []*actor{w.vendorAdmin, w.distAdmin} {
		var names []string
		cursor := ""
		for range 10 {
			var got orgList
			w.must(t, 200, who, "GET", "/api/v1/orgs?limit=2"+cursor, nil, &got)
			for _, o := range got.Items {
				names = append(names, o.Name)
				if o.Name == "Client Two" && (o.Distributor == nil || o.Distributor.Name != "Dist One") {
					t.Errorf("Client Two shows distributor %+v", o.Distributor)
				}
			}
			if got.NextCursor == "" {
				break
			}
			cursor = "&cursor=" + got.NextCursor
		}
		if !slices.IsSorted(names) || len(names) != map[*actor]int{w.vendorAdmin: 7, w.distAdmin: 3}[who] {
			t.Errorf("%s: pages gave %v", who.name, names)
		}
	}
	if st, b := w.call(t, w.vendorAdmin, "GET", "/api/v1/orgs?cursor=!!", nil); st != 400 {
		t.Errorf("bad cursor: %d %s", st, b)
	}
}

func TestCreateOrg(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	tests := []struct {
		name string
		who  *actor
		body map[string]any
		want int
	}{
		{"vendor_admin_distributor", w.vendorAdmin, map[string]any{"name": "Dist Three",
			"kind": "distributor"}, 201},
		{"vendor_member_distributor", w.vendorMember, map[string]any{"name": "Dist X",
			"kind": "distributor"}, 403},
		{"vendor_member_client", w.vendorMember, map[string]any{"name": "Direct",
			"kind": "client", "billing_email": "Billing@Direct.example"}, 201},
		{"dist_member_client", w.distMember, map[string]any{"name": "Managed",
			"kind": "client", "distributor_id": w.dist1.ID, "vat_id": "fr 123"}, 201},
		{"dist_member_other_dist", w.distMember, map[string]any{"name": "Stolen",
			"kind": "client", "distributor_id": w.dist2.ID}, 404},
		{"dist_member_distributor", w.distMember, map[string]any{"name": "D",
			"kind": "distributor"}, 403},
		{"client_admin_client", w.clientAdmin, map[string]any{"name": "Sub",
			"kind": "client"}, 403},
		{"client_admin_under_client", w.clientAdmin, map[string]any{"name": "Sub",
			"kind": "client", "distributor_id": w.client1.ID}, 403},
		{"vendor_client_of_client", w.vendorAdmin, map[string]any{"name": "Sub",
			"kind": "client", "distributor_id": w.client1.ID}, 403},
		{"no_name", w.vendorAdmin, map[string]any{"kind": "client"}, 400},
		{"bad_kind", w.vendorAdmin, map[string]any{"name": "V", "kind": "vendor"}, 400},
		{"distributor_with_distributor", w.vendorAdmin, map[string]any{"name": "V",
			"kind": "distributor", "distributor_id": w.dist1.ID}, 400},
		{"unknown_field", w.vendorAdmin, map[string]any{"name": "V", "kind": "client",
			"role": "admin"}, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mark := w.st.mark()
			st, b := w.call(t, tt.who, "POST", "/api/v1/orgs", tt.body)
			if st != tt.want {
				t.Fatalf("status %d, want %d: %s", st, tt.want, b)
			}
			if st != 201 {
				if got := w.st.since(mark); slices.ContainsFunc(got, changes) {
					t.Errorf("a refused creation wrote %v", got)
				}
			}
		})
	}
	var got orgList
	w.must(t, 200, w.distAdmin, "GET", "/api/v1/orgs?kind=client", nil, &got)
	if !slices.Equal(got.names(), []string{"Client One", "Client Two", "Managed"}) {
		t.Errorf("the distributor's clients: %v", got.names())
	}
}

// changes reports whether a write of item type typ changes something a caller could see: every
// type but the audit log and the throttles' counters.
func changes(typ string) bool {
	return typ != "" && typ != audit.ItemType && typ != throttle.ItemType
}

func TestUpdateOrg(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/api/v1/orgs/" + w.client1.ID
	name := func(s string) map[string]any { return map[string]any{"name": s} }
	tests := []struct {
		name string
		who  *actor
		path string
		body map[string]any
		want int
	}{
		{"client_member", w.clientMember, path, name("X"), 403},
		{"client_admin", w.clientAdmin, path, map[string]any{"name": "Client One Ltd",
			"address": "1 Road\nTown", "vat_id": "de 1"}, 200},
		{"dist_member", w.distMember, path, map[string]any{"billing_email": "a@b.example"}, 200},
		{"other_dist", w.dist2Admin, path, name("X"), 404},
		{"other_client", w.client2Admin, path, name("X"), 404},
		{"dist_moves", w.distAdmin, path, map[string]any{"distributor_id": w.dist2.ID}, 403},
		{"kind", w.vendorAdmin, path, map[string]any{"kind": "distributor"}, 400},
		{"own_distributor_member", w.distMember, "/api/v1/orgs/" + w.dist1.ID, name("X"), 403},
		{"vendor_org_member", w.vendorMember, "/api/v1/orgs/" + w.vendor.ID, name("X"), 403},
		{"vendor_org_admin", w.vendorAdmin, "/api/v1/orgs/" + w.vendor.ID, name("Vendor"), 200},
		{"vendor_moves", w.vendorMember, path, map[string]any{"distributor_id": w.dist2.ID}, 200},
		{"after_move", w.distAdmin, path, name("X"), 404},
		{"new_distributor", w.dist2Admin, path, name("Client Uno"), 200},
		{"move_to_client", w.vendorMember, path, map[string]any{"distributor_id": w.client2.ID},
			400},
	}
	for _, tt := range tests {
		w.clock.Advance(time.Second) // events of one millisecond have no order
		mark := w.st.mark()
		st, b := w.call(t, tt.who, "PATCH", tt.path, tt.body)
		if st != tt.want {
			t.Fatalf("%s: status %d, want %d: %s", tt.name, st, tt.want, b)
		}
		if got := w.st.since(mark); st != 200 && slices.ContainsFunc(got, changes) {
			t.Errorf("%s: a refused change wrote %v", tt.name, got)
		}
	}
	var o struct {
		Name, Address, VATID string
		Distributor          struct{ ID string }
	}
	w.must(t, 200, w.dist2Admin, "GET", path, nil, &o)
	if o.Name != "Client Uno" || o.Address != "1 Road\nTown" || o.Distributor.ID != w.dist2.ID {
		t.Errorf("after the changes: %+v", o)
	}
	var dist2 orgList
	w.must(t, 200, w.dist2Admin, "GET", "/api/v1/orgs?q=client", nil, &dist2)
	if !slices.Equal(dist2.names(), []string{"Client Three", "Client Uno"}) {
		t.Errorf("dist2's clients: %v", dist2.names())
	}
	ev := w.events(t, w.client1.ID)
	i := slices.IndexFunc(ev, func(e audit.Event) bool { return e.Action == audit.OrgUpdated })
	if i < 0 || ev[i].Actor != w.dist2Admin.user.ID || ev[i].Details["name"] == nil {
		t.Errorf("last update event: %+v", ev)
	}
}

func TestOrgReachOfDistributorClients(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ids, all, err := org.ReachOf(w.distMember.memberships(t, w)).OrgIDs(t.Context(), w.st)
	if err != nil || all {
		t.Fatal(err, all)
	}
	want := []string{w.dist1.ID, w.client1.ID, w.client2.ID}
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("OrgIDs = %v, want %v", ids, want)
	}
}

func (a *actor) memberships(t testing.TB, w *world) []org.Membership {
	t.Helper()
	ms, err := org.MembershipsOf(t.Context(), w.st, a.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}
