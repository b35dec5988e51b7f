package api_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/org"
)

var invitationLink = regexp.MustCompile(`http://localhost:8080/invitation#token=([A-Za-z0-9_-]+)`)

// lastInvitationToken returns the token of the last invitation mailed to addr.
func (e *orgEnv) lastInvitationToken(t *testing.T, addr string) string {
	t.Helper()
	var last *mail.Message
	for _, m := range e.queued(t) {
		if m.Kind == org.KindInvitation && m.To[0] == addr {
			last = &m
		}
	}
	if last == nil {
		t.Fatalf("no invitation mailed to %s", addr)
	}
	got := invitationLink.FindStringSubmatch(last.Text)
	if got == nil || !strings.Contains(last.HTML, got[0]) {
		t.Fatalf("no link in the invitation mail: %s", last.Text)
	}
	return got[1]
}

const newPassword = "a long enough passphrase"

// accept accepts an invitation as a (nil: a new browser); it returns the status, body and the
// session cookie set, if any.
func (e *orgEnv) accept(t *testing.T, a *actor, body map[string]any) (int, []byte, *actor) {
	t.Helper()
	st, b, resp := e.callResp(t, a, "POST", "/api/v1/invitations/accept", body)
	for _, c := range resp.Cookies() {
		if c.Name == e.cookie.Name && c.Value != "" {
			return st, b, &actor{name: "accepted", cookie: c.Value}
		}
	}
	return st, b, nil
}

func TestInvitationOfNewUser(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	invitations := "/api/v1/orgs/" + w.client1.ID + "/invitations"
	var res struct {
		Status     string
		Invitation struct{ ID, State string }
	}
	w.must(t, 201, w.clientMember, "POST", invitations,
		map[string]string{"email": "New@Example.org"}, &res)
	if res.Status != "invited" || res.Invitation.State != "pending" {
		t.Fatalf("invite: %+v", res)
	}
	token := w.lastInvitationToken(t, "new@example.org")
	var preview struct {
		Org        struct{ Name string }
		Inviter    struct{ Name, Email string }
		Email      string
		HasAccount bool `json:"has_account"`
	}
	w.must(t, 200, nil, "POST", "/api/v1/invitations/preview", map[string]string{"token": token},
		&preview)
	if preview.Org.Name != "Client One" || preview.Inviter.Email != "clientmember@example.com" ||
		preview.Email != "new@example.org" || preview.HasAccount {
		t.Errorf("preview %+v", preview)
	}
	st, b, _ := w.accept(t, nil, map[string]any{"token": token, "name": "Nia", "password": "short"})
	if st != 400 || problemCode(b) != "validation_failed" {
		t.Errorf("short password: %d %s", st, b)
	}
	st, b, newcomer := w.accept(t, nil, map[string]any{"token": token, "name": "Nia New",
		"password": newPassword})
	if st != 200 || newcomer == nil || !strings.Contains(string(b), `"status":"joined"`) {
		t.Fatalf("accept: %d %s (cookie %v)", st, b, newcomer)
	}
	w.must(t, 200, newcomer, "GET", "/api/v1/orgs/"+w.client1.ID, nil, nil)
	w.must(t, 404, newcomer, "GET", "/api/v1/orgs/"+w.client2.ID, nil, nil)
	if st, b, _ := w.accept(t, nil, map[string]any{"token": token, "name": "Again",
		"password": newPassword}); st != 400 || problemCode(b) != "invalid_token" {
		t.Errorf("second use: %d %s", st, b)
	}
	if got := w.invitationStates(t, w.clientAdmin, w.client1); !slices.Equal(got,
		[]string{"new@example.org:accepted"}) {
		t.Errorf("states %v", got)
	}
	ev := w.event(t, w.client1.ID, audit.InvitationAccepted)
	if ev.Target != res.Invitation.ID || ev.Actor == "" {
		t.Errorf("accepted event %+v", ev)
	}
	w.event(t, w.client1.ID, audit.InvitationCreated)
	w.event(t, w.client1.ID, audit.UserCreated)
}

// invitationStates lists the invitations of o as address:state, newest first.
func (w *world) invitationStates(t *testing.T, a *actor, o org.Org) []string {
	t.Helper()
	var got struct {
		Items []struct{ Email, State string }
	}
	w.must(t, 200, a, "GET", "/api/v1/orgs/"+o.ID+"/invitations", nil, &got)
	var out []string
	for _, inv := range got.Items {
		out = append(out, inv.Email+":"+inv.State)
	}
	return out
}

func TestInvitationNeedsTheCurrentTerms(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, err := w.terms.Publish(context.Background(), "Be nice.", w.vendorAdmin.user); err != nil {
		t.Fatal(err)
	}
	w.must(t, 200, w.vendorAdmin, "POST", "/api/v1/me/terms", map[string]int{"version": 1}, nil)
	w.must(t, 201, w.vendorAdmin, "POST", "/api/v1/orgs/"+w.client4.ID+"/invitations",
		map[string]string{"email": "terms@example.org", "role": "admin"}, nil)
	token := w.lastInvitationToken(t, "terms@example.org")
	body := map[string]any{"token": token, "name": "Tess", "password": newPassword}
	if st, b, _ := w.accept(t, nil, body); st != 400 || !strings.Contains(string(b), "terms_version") {
		t.Errorf("without terms: %d %s", st, b)
	}
	body["terms_version"] = 1
	st, b, tess := w.accept(t, nil, body)
	if st != 200 || tess == nil {
		t.Fatalf("with terms: %d %s", st, b)
	}
	var me struct {
		Terms       struct{ Required bool }
		Memberships []struct{ Role string }
	}
	w.must(t, 200, tess, "GET", "/api/v1/me", nil, &me)
	if me.Terms.Required || len(me.Memberships) != 1 || me.Memberships[0].Role != "admin" {
		t.Errorf("me %+v", me)
	}
}

func TestInvitationOfExistingUser(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/api/v1/orgs/" + w.client2.ID + "/invitations"
	var res struct {
		Status string
		Member struct {
			UserID string `json:"user_id"`
			Role   string
		}
	}
	w.must(t, 201, w.client2Admin, "POST", path, map[string]string{"email": "clientmember@example.com"}, &res)
	if res.Status != "added" || res.Member.UserID != w.clientMember.user.ID {
		t.Fatalf("invite: %+v", res)
	}
	w.must(t, 200, w.clientMember, "GET", "/api/v1/orgs/"+w.client2.ID, nil, nil)
	mails := w.queued(t)
	if last := mails[len(mails)-1]; last.Kind != org.KindJoined ||
		last.To[0] != "clientmember@example.com" || !strings.Contains(last.Text, "Client Two") {
		t.Errorf("mail %+v", last)
	}
	ev := w.event(t, w.client2.ID, audit.MemberAdded)
	if ev.Target != w.clientMember.user.ID || ev.Actor != w.client2Admin.user.ID {
		t.Errorf("event %+v", ev)
	}
	st, b := w.call(t, w.client2Admin, "POST", path, map[string]string{"email": "clientmember@example.com"})
	if st != 409 {
		t.Errorf("a member again: %d %s", st, b)
	}
}

func TestInvitationRoles(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/api/v1/orgs/" + w.client1.ID + "/invitations"
	admin := func(addr string) map[string]string { return map[string]string{"email": addr, "role": "admin"} }
	mark := w.st.mark()
	w.must(t, 403, w.clientMember, "POST", path, admin("a1@example.org"), nil)
	w.must(t, 403, w.distMember, "POST", path, admin("a2@example.org"), nil)
	w.must(t, 404, w.client2Admin, "POST", path, admin("a3@example.org"), nil)
	w.must(t, 404, w.client2Admin, "POST", path, map[string]string{"email": "m@example.org"}, nil)
	w.must(t, 400, w.clientAdmin, "POST", path, map[string]string{"email": "x", "role": "boss"}, nil)
	if got := w.st.since(mark); slices.ContainsFunc(got, changes) {
		t.Errorf("refusals wrote %v", got)
	}
	w.must(t, 201, w.clientAdmin, "POST", path, admin("a4@example.org"), nil)
	w.must(t, 201, w.distAdmin, "POST", path, admin("a5@example.org"), nil)
	w.must(t, 201, w.distMember, "POST", path, map[string]string{"email": "m6@example.org"}, nil)
	w.must(t, 409, w.distMember, "POST", path, map[string]string{"email": "m6@example.org"}, nil)
	w.must(t, 201, w.vendorMember, "POST", "/api/v1/orgs/"+w.dist2.ID+"/invitations",
		admin("d@example.org"), nil)
	w.must(t, 403, w.vendorMember, "POST", "/api/v1/orgs/"+w.vendor.ID+"/invitations",
		map[string]string{"email": "v@example.org"}, nil)
	w.must(t, 201, w.vendorAdmin, "POST", "/api/v1/orgs/"+w.vendor.ID+"/invitations",
		map[string]string{"email": "v@example.org"}, nil)
}

func TestInvitationExpiresAndIsResent(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/api/v1/orgs/" + w.client1.ID + "/invitations"
	var res struct{ Invitation struct{ ID string } }
	w.must(t, 201, w.clientMember, "POST", path, map[string]string{"email": "late@example.org"}, &res)
	first := w.lastInvitationToken(t, "late@example.org")
	w.clock.Advance(7*24*time.Hour + time.Second)
	for _, a := range []*actor{w.clientMember, w.clientAdmin} {
		a.refresh(t, w) // sessions end after 2 idle hours
	}
	if st, b := w.call(t, nil, "POST", "/api/v1/invitations/preview",
		map[string]string{"token": first}); st != 400 || problemCode(b) != "invalid_token" {
		t.Errorf("expired preview: %d %s", st, b)
	}
	if got := w.invitationStates(t, w.clientAdmin, w.client1); !slices.Equal(got,
		[]string{"late@example.org:expired"}) {
		t.Errorf("states %v", got)
	}
	var resent struct {
		State string
		Sends int
	}
	w.must(t, 200, w.clientMember, "POST", path+"/"+res.Invitation.ID+"/resend", nil, &resent)
	if resent.State != "pending" || resent.Sends != 2 {
		t.Errorf("resent %+v", resent)
	}
	second := w.lastInvitationToken(t, "late@example.org")
	w.must(t, 200, nil, "POST", "/api/v1/invitations/preview", map[string]string{"token": second}, nil)
	// A resend voids the link before it.
	w.clock.Advance(time.Second) // so that the outbox orders the two mails
	w.must(t, 200, w.clientMember, "POST", path+"/"+res.Invitation.ID+"/resend", nil, nil)
	third := w.lastInvitationToken(t, "late@example.org")
	if st, _ := w.call(t, nil, "POST", "/api/v1/invitations/preview",
		map[string]string{"token": second}); st != 400 {
		t.Errorf("voided link answers %d", st)
	}
	st, b, _ := w.accept(t, nil, map[string]any{"token": third, "name": "Late",
		"password": newPassword})
	if st != 200 {
		t.Errorf("accept the last link: %d %s", st, b)
	}
	w.event(t, w.client1.ID, audit.InvitationResent)
}

func TestInvitationRevoked(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/api/v1/orgs/" + w.client1.ID + "/invitations"
	var res struct{ Invitation struct{ ID string } }
	w.must(t, 201, w.clientMember, "POST", path, map[string]string{"email": "gone@example.org"}, &res)
	token := w.lastInvitationToken(t, "gone@example.org")
	one := path + "/" + res.Invitation.ID
	w.must(t, 403, w.clientMember, "DELETE", one, nil, nil)
	w.must(t, 404, w.dist2Admin, "DELETE", one, nil, nil)
	w.must(t, 200, w.clientAdmin, "DELETE", one, nil, nil)
	w.must(t, 409, w.clientAdmin, "DELETE", one, nil, nil)
	w.must(t, 409, w.clientMember, "POST", one+"/resend", nil, nil)
	if st, b, _ := w.accept(t, nil, map[string]any{"token": token, "name": "Gone",
		"password": newPassword}); st != 400 || problemCode(b) != "invalid_token" {
		t.Errorf("revoked accept: %d %s", st, b)
	}
	if _, err := account.ByEmail(context.Background(), w.st, "gone@example.org"); err == nil {
		t.Error("a revoked invitation made an account")
	}
	if got := w.invitationStates(t, w.clientAdmin, w.client1); !slices.Equal(got,
		[]string{"gone@example.org:revoked"}) {
		t.Errorf("states %v", got)
	}
	// Revoked, the address may be invited again.
	w.must(t, 201, w.clientMember, "POST", path, map[string]string{"email": "gone@example.org"}, nil)
	w.must(t, 404, w.clientAdmin, "DELETE", path+"/ivt_nothing", nil, nil)
	w.event(t, w.client1.ID, audit.InvitationRevoked)
}

func TestInvitationAcceptedByAnotherAccount(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.must(t, 201, w.clientAdmin, "POST", "/api/v1/orgs/"+w.client1.ID+"/invitations",
		map[string]string{"email": "mine@example.org", "role": "admin"}, nil)
	token := w.lastInvitationToken(t, "mine@example.org")
	mark := w.st.mark()
	st, b, cookie := w.accept(t, w.client2Admin, map[string]any{"token": token, "name": "Thief",
		"password": newPassword})
	if st != 400 || problemCode(b) != "invalid_token" || cookie != nil {
		t.Errorf("another account: %d %s", st, b)
	}
	if got := w.st.since(mark); slices.ContainsFunc(got, changes) {
		t.Errorf("the refusal wrote %v", got)
	}
	w.must(t, 404, w.client2Admin, "GET", "/api/v1/orgs/"+w.client1.ID, nil, nil)
	w.must(t, 200, nil, "POST", "/api/v1/invitations/preview", map[string]string{"token": token}, nil)
}

func TestInvitationsPerDay(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.invitations.PerDay = 2
	path := "/api/v1/orgs/" + w.client1.ID + "/invitations"
	for i, want := range []int{201, 201, 429} {
		st, b, resp := w.callResp(t, w.clientAdmin, "POST", path,
			map[string]string{"email": "p" + string(rune('a'+i)) + "@example.org"})
		if st != want {
			t.Fatalf("invitation %d: %d %s", i, st, b)
		}
		if st == 429 && resp.Header.Get("Retry-After") == "" {
			t.Error("no Retry-After")
		}
	}
	w.must(t, 201, w.client2Admin, "POST", "/api/v1/orgs/"+w.client2.ID+"/invitations",
		map[string]string{"email": "other@example.org"}, nil)
}
