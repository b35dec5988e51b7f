package api_test

import (
	"slices"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
)

type eventItem struct {
	ID, Action, Outcome, Actor, Target, IP string
	OrgID                                  string `json:"org_id"`
	ActorName                              string `json:"actor_name"`
	RequestID                              string `json:"request_id"`
	Details                                map[string]any
}

type eventList struct {
	Items      []eventItem
	NextCursor string `json:"next_cursor"`
}

func (l eventList) actions() []string {
	var out []string
	for _, e := range l.Items {
		out = append(out, e.Action)
	}
	return out
}

func TestOrgEvents(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	members := "/api/v1/orgs/" + w.client1.ID + "/members/"
	w.clock.Advance(time.Second)
	w.must(t, 200, w.clientAdmin, "PATCH", members+w.clientMember.user.ID,
		map[string]string{"role": "admin"}, nil)
	w.clock.Advance(time.Second)
	w.must(t, 204, w.clientAdmin, "DELETE", members+w.twoOrgs.user.ID, nil, nil)
	w.clock.Advance(time.Second)
	events := "/api/v1/orgs/" + w.client1.ID + "/events"
	w.must(t, 404, w.dist2Admin, "GET", events, nil, nil)
	w.must(t, 200, w.twoOrgs, "GET", "/api/v1/orgs/"+w.client3.ID+"/events", nil, nil)
	var got eventList
	w.must(t, 200, w.distMember, "GET", events, nil, &got)
	want := []string{audit.MemberRemoved, audit.MemberRoleChanged, audit.OrgCreated}
	if !slices.Equal(got.actions(), want) {
		t.Fatalf("events %v, want %v", got.actions(), want)
	}
	role := got.Items[1]
	if role.Actor != w.clientAdmin.user.ID || role.ActorName != "clientadmin" ||
		role.RequestID == "" || role.IP == "" || role.Details["after"] != "admin" ||
		role.OrgID != w.client1.ID || role.Target != w.clientMember.user.ID {
		t.Errorf("role change event %+v", role)
	}
	var page eventList
	w.must(t, 200, w.vendorMember, "GET", events+"?action=member&limit=1", nil, &page)
	if !slices.Equal(page.actions(), []string{audit.MemberRemoved}) || page.NextCursor == "" {
		t.Fatalf("first page %+v", page)
	}
	w.must(t, 200, w.vendorMember, "GET", events+"?action=member&limit=1&cursor="+
		page.NextCursor, nil, &page)
	if !slices.Equal(page.actions(), []string{audit.MemberRoleChanged}) {
		t.Errorf("second page %v", page.actions())
	}
}

func TestRefusalsAreAudited(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	events := "/api/v1/orgs/" + w.client1.ID + "/events"
	w.must(t, 403, w.clientMember, "GET", events, nil, nil)
	w.must(t, 404, w.dist2Admin, "GET", events, nil, nil)
	w.must(t, 403, w.clientAdmin, "GET", "/api/v1/events", nil, nil)
	st, b := w.call(t, nil, "POST", "/api/v1/session",
		map[string]string{"email": "clientadmin@example.com", "password": "not the password"})
	if st != 401 {
		t.Fatalf("sign-in: %d %s", st, b)
	}
	var got eventList
	w.must(t, 200, w.clientAdmin, "GET", events+"?action=authorization.refused", nil, &got)
	if len(got.Items) != 1 || got.Items[0].Actor != w.clientMember.user.ID ||
		got.Items[0].Outcome != "denied" {
		t.Errorf("refusals in client1's log: %+v", got.Items)
	}
	var all eventList
	w.must(t, 200, w.vendorMember, "GET", "/api/v1/events?limit=200", nil, &all)
	outside := slices.IndexFunc(all.Items, func(e eventItem) bool {
		return e.Action == audit.AuthorizationRefused && e.Actor == w.dist2Admin.user.ID
	})
	if outside < 0 || all.Items[outside].OrgID != "" ||
		all.Items[outside].Details["org_id"] != w.client1.ID {
		t.Errorf("the refusal out of reach is not in the global log")
	}
	for _, want := range []string{audit.SessionFailed, audit.OrgCreated} {
		if !slices.Contains(all.actions(), want) {
			t.Errorf("the vendor's log lacks %s", want)
		}
	}
}

// TestRenameIsAudited: a change of name is in the log with the name before and after, and the
// request that made it; the same name again writes nothing.
func TestRenameIsAudited(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.must(t, 200, w.clientAdmin, "PATCH", "/api/v1/me", map[string]string{"name": "Cleo Admin"},
		nil)
	w.must(t, 200, w.clientAdmin, "PATCH", "/api/v1/me", map[string]string{"name": "Cleo Admin"},
		nil)
	var got eventList
	w.must(t, 200, w.vendorMember, "GET", "/api/v1/events?action="+audit.UserRenamed, nil, &got)
	if len(got.Items) != 1 {
		t.Fatalf("rename events %+v, want 1", got.Items)
	}
	ev := got.Items[0]
	if ev.Actor != w.clientAdmin.user.ID || ev.Target != w.clientAdmin.user.ID ||
		ev.Outcome != "success" || ev.RequestID == "" || ev.IP == "" ||
		ev.Details["before"] != "clientadmin" || ev.Details["after"] != "Cleo Admin" {
		t.Errorf("rename event %+v", ev)
	}
}

// TestInvitationLimitIsAudited: an invitation or a resend refused by the day's limit is in the
// organisation's log, with what was refused, and changes nothing else.
func TestInvitationLimitIsAudited(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.invitations.PerDay = 1
	invitations := "/api/v1/orgs/" + w.client1.ID + "/invitations"
	var first struct{ Invitation struct{ ID string } }
	w.must(t, 201, w.clientAdmin, "POST", invitations,
		map[string]string{"email": "one@example.org"}, &first)
	mark := w.st.mark()
	w.must(t, 429, w.clientMember, "POST", invitations,
		map[string]string{"email": "two@example.org"}, nil)
	w.clock.Advance(time.Second) // the log is newest first
	w.must(t, 429, w.clientAdmin, "POST", invitations+"/"+first.Invitation.ID+"/resend", nil, nil)
	if got := w.st.since(mark); slices.ContainsFunc(got, changes) {
		t.Errorf("the refused invitations wrote %v", got)
	}
	var got eventList
	w.must(t, 200, w.clientAdmin, "GET", "/api/v1/orgs/"+w.client1.ID+"/events?action="+
		audit.InvitationLimited, nil, &got)
	if len(got.Items) != 2 {
		t.Fatalf("limit events %+v, want 2", got.Items)
	}
	resend, invite := got.Items[0], got.Items[1]
	if invite.Actor != w.clientMember.user.ID || invite.Outcome != "failure" ||
		invite.OrgID != w.client1.ID || invite.RequestID == "" ||
		invite.Details["email"] != "two@example.org" || invite.Details["per_day"] != 1.0 {
		t.Errorf("refused invitation's event %+v", invite)
	}
	if resend.Actor != w.clientAdmin.user.ID ||
		resend.Details["invitation_id"] != first.Invitation.ID {
		t.Errorf("refused resend's event %+v", resend)
	}
}
