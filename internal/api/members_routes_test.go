package api_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/org"
)

type memberList struct {
	Items []struct {
		UserID, Name, Email, Role string
		JoinedAt                  time.Time `json:"joined_at"`
	}
}

func TestListMembers(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var got memberList
	w.must(t, 200, w.distMember, "GET", "/api/v1/orgs/"+w.client1.ID+"/members", nil, &got)
	var emails []string
	for _, m := range got.Items {
		emails = append(emails, m.Email+":"+m.Role)
		if m.Name == "" || m.JoinedAt.IsZero() {
			t.Errorf("member %+v lacks a name or a date", m)
		}
	}
	slices.Sort(emails)
	want := []string{"clientadmin@example.com:admin", "clientmember@example.com:member",
		"twoorgs@example.com:member"}
	if !slices.Equal(emails, want) {
		t.Errorf("members %v, want %v", emails, want)
	}
	w.must(t, 404, w.client2Admin, "GET", "/api/v1/orgs/"+w.client1.ID+"/members", nil, nil)
}

func TestChangeRole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	member := "/api/v1/orgs/" + w.client1.ID + "/members/" + w.clientMember.user.ID
	admin := map[string]string{"role": "admin"}
	w.must(t, 403, w.clientMember, "PATCH", member, admin, nil)
	w.must(t, 403, w.distMember, "PATCH", member, admin, nil)
	w.must(t, 404, w.dist2Admin, "PATCH", member, admin, nil)
	w.must(t, 400, w.clientAdmin, "PATCH", member, map[string]string{"role": "owner"}, nil)
	w.must(t, 404, w.clientAdmin, "PATCH", "/api/v1/orgs/"+w.client1.ID+"/members/"+
		w.client2Admin.user.ID, admin, nil)
	var got struct{ Role string }
	w.must(t, 200, w.clientAdmin, "PATCH", member, admin, &got)
	if got.Role != "admin" {
		t.Errorf("role %q", got.Role)
	}
	ev := w.event(t, w.client1.ID, audit.MemberRoleChanged)
	if ev.Action != audit.MemberRoleChanged || ev.Target != w.clientMember.user.ID ||
		ev.Details["before"] != "member" || ev.Details["after"] != "admin" ||
		ev.Actor != w.clientAdmin.user.ID || ev.RequestID == "" {
		t.Errorf("event %+v", ev)
	}
	mails := w.queued(t)
	last := mails[len(mails)-1]
	if last.Kind != org.KindRoleChanged || last.To[0] != "clientmember@example.com" ||
		last.HTML == "" || last.Subject != "Your role in Client One is now admin" {
		t.Errorf("mail %+v", last)
	}
	// Now an admin, the former member may change roles.
	w.must(t, 200, w.clientMember, "PATCH", "/api/v1/orgs/"+w.client1.ID+"/members/"+
		w.twoOrgs.user.ID, admin, nil)
}

func TestLastAdminStays(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	self := "/api/v1/orgs/" + w.client2.ID + "/members/" + w.client2Admin.user.ID
	mark := w.st.mark()
	for _, tt := range []struct {
		who    *actor
		method string
		body   any
	}{
		{w.client2Admin, "PATCH", map[string]string{"role": "member"}},
		{w.client2Admin, "DELETE", nil},
		{w.distAdmin, "DELETE", nil},
		{w.vendorMember, "PATCH", map[string]string{"role": "member"}},
	} {
		st, b := w.call(t, tt.who, tt.method, self, tt.body)
		if st != 409 || problemCode(b) != "conflict" {
			t.Errorf("%s %s by %s: %d %s", tt.method, self, tt.who.name, st, b)
		}
	}
	if got := w.st.since(mark); slices.ContainsFunc(got, changes) {
		t.Errorf("refusals wrote %v", got)
	}
	// With a second admin, the first may step down; then the second is the last.
	second := w.newUser(t, "second", role{w.client2, org.RoleMember})
	members := "/api/v1/orgs/" + w.client2.ID + "/members/"
	w.must(t, 200, w.distAdmin, "PATCH", members+second.user.ID,
		map[string]string{"role": "admin"}, nil)
	w.must(t, 200, w.client2Admin, "PATCH", self, map[string]string{"role": "member"}, nil)
	w.must(t, 409, second, "DELETE", members+second.user.ID, nil, nil)
}

func TestRemovedMemberLosesAccessAtOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/api/v1/orgs/" + w.client1.ID
	w.must(t, 200, w.twoOrgs, "GET", path, nil, nil)
	w.must(t, 403, w.twoOrgs, "DELETE", path+"/members/"+w.clientAdmin.user.ID, nil, nil)
	w.must(t, 204, w.clientAdmin, "DELETE", path+"/members/"+w.twoOrgs.user.ID, nil, nil)
	w.must(t, 404, w.twoOrgs, "GET", path, nil, nil)
	w.must(t, 200, w.twoOrgs, "GET", "/api/v1/orgs/"+w.client3.ID, nil, nil)
	w.must(t, 404, w.clientAdmin, "DELETE", path+"/members/"+w.twoOrgs.user.ID, nil, nil)
	ev := w.event(t, w.client1.ID, audit.MemberRemoved)
	if ev.Action != audit.MemberRemoved || ev.Details["role"] != "member" {
		t.Errorf("event %+v", ev)
	}
	mails := w.queued(t)
	if last := mails[len(mails)-1]; last.Kind != org.KindRemoved ||
		last.To[0] != "twoorgs@example.com" {
		t.Errorf("mail %+v", last)
	}
}

// TestAdminsDemotingEachOther: of two admins demoting each other at once, one stays an admin.
func TestAdminsDemotingEachOther(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	for round := range 5 {
		o := w.newOrg(t, "Race", org.KindClient, "")
		a := w.newUser(t, fmt.Sprint("a", round), role{o, org.RoleAdmin})
		b := w.newUser(t, fmt.Sprint("b", round), role{o, org.RoleAdmin})
		var wg sync.WaitGroup
		for _, pair := range [][2]*actor{{a, b}, {b, a}} {
			wg.Go(func() {
				_, _ = w.orgs.ChangeRole(ctx, pair[0].user, o.ID, pair[1].user.ID, org.RoleMember)
			})
		}
		wg.Wait()
		ms, err := org.Members(ctx, w.st, o.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(ms, func(m org.Membership) bool { return m.Role == org.RoleAdmin }) {
			t.Fatalf("round %d: no admin left: %+v", round, ms)
		}
	}
}
