package api_test

import (
	"testing"

	"github.com/licensorhq/licensor/internal/audit"
)

// TestEventsNameTheirTargets: an event whose target is a user or an organisation names it, so
// that the activity reads "clientmember", not an id; other targets have no name.
func TestEventsNameTheirTargets(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.must(t, 200, w.clientAdmin, "PATCH", "/api/v1/orgs/"+w.client1.ID+"/members/"+
		w.clientMember.user.ID, map[string]string{"role": "admin"}, nil)
	var got struct {
		Items []struct {
			Action, Target string
			TargetName     string `json:"target_name"`
		}
	}
	w.must(t, 200, w.distMember, "GET", "/api/v1/orgs/"+w.client1.ID+"/events", nil, &got)
	want := map[string]string{audit.MemberRoleChanged: "clientmember",
		audit.OrgCreated: "Client One"}
	for _, e := range got.Items {
		if name, ok := want[e.Action]; ok && e.TargetName != name {
			t.Errorf("%s of %s names it %q, want %q", e.Action, e.Target, e.TargetName, name)
		}
		delete(want, e.Action)
	}
	if len(want) > 0 {
		t.Errorf("no event for %v in %+v", want, got.Items)
	}
}
