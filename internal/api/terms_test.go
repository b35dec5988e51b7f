package api_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/audit"
)

// publish publishes text as a vendor admin's browser and returns the version.
func (b *browser) publish(t *testing.T, text string) int {
	t.Helper()
	got := b.do(t, "POST", "/api/v1/terms", jsonOf(map[string]string{"text": text}))
	got.want(t, 201, "")
	var v struct{ Version int }
	got.decode(t, &v)
	return v.Version
}

func (b *browser) accept(t *testing.T, version int) {
	t.Helper()
	b.do(t, "POST", "/api/v1/me/terms", `{"version":`+strconv.Itoa(version)+`}`).want(t, 200, "")
}

// TestTermsPublishAndHistory: versions are numbered from 1, kept with who published them and
// when; the current one is public; the history needs a signed-in user.
func TestTermsPublishAndHistory(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	anon := e.browser()
	anon.do(t, "GET", "/api/v1/terms", "").want(t, 404, api.CodeNotFound)
	admin := e.browser()
	ada := e.newPerson(t, admin, "ada@vendor.example", true)
	published := e.clock.Now()
	if n := admin.publish(t, "# Terms\n\nFirst."); n != 1 {
		t.Fatalf("first version %d, want 1", n)
	}
	admin.accept(t, 1)
	e.clock.Advance(time.Hour)
	if n := admin.publish(t, "# Terms\n\nSecond."); n != 2 {
		t.Fatalf("second version %d, want 2", n)
	}

	got := anon.do(t, "GET", "/api/v1/terms", "")
	got.want(t, 200, "")
	var cur struct {
		Version     int
		Text        string
		PublishedAt time.Time `json:"published_at"`
	}
	got.decode(t, &cur)
	if cur.Version != 2 || cur.Text != "# Terms\n\nSecond." ||
		!cur.PublishedAt.Equal(published.Add(time.Hour)) {
		t.Errorf("current terms %s", got.body)
	}
	anon.do(t, "GET", "/api/v1/terms/versions", "").want(t, 401, api.CodeUnauthenticated)

	admin.accept(t, 2)
	list := admin.do(t, "GET", "/api/v1/terms/versions", "")
	list.want(t, 200, "")
	var versions struct {
		Items []struct {
			Version     int
			Text        *string
			PublishedAt time.Time                 `json:"published_at"`
			PublishedBy struct{ ID, Name string } `json:"published_by"`
		}
	}
	list.decode(t, &versions)
	if len(versions.Items) != 2 || versions.Items[0].Version != 2 ||
		versions.Items[1].Version != 1 || versions.Items[1].Text != nil ||
		versions.Items[1].PublishedBy.ID != ada.id || versions.Items[1].PublishedBy.Name != ada.name ||
		!versions.Items[1].PublishedAt.Equal(published) {
		t.Errorf("history %s", list.body)
	}
	one := admin.do(t, "GET", "/api/v1/terms/versions/1", "")
	one.want(t, 200, "")
	if !strings.Contains(string(one.body), "First.") {
		t.Errorf("version 1: %s", one.body)
	}
	for _, v := range []string{"3", "0", "-1", "x", "99999999999999999999"} {
		admin.do(t, "GET", "/api/v1/terms/versions/"+v, "").want(t, 404, api.CodeNotFound)
	}
}

// TestTermsPublishRefused: only a vendor admin publishes, and only a text that is one.
func TestTermsPublishRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	admin := e.browser()
	e.newPerson(t, admin, "ada@vendor.example", true)
	client := e.browser()
	e.newPerson(t, client, "cid@client.example", false)
	body := jsonOf(map[string]string{"text": "Terms"})
	e.browser().do(t, "POST", "/api/v1/terms", body).want(t, 401, api.CodeUnauthenticated)
	client.do(t, "POST", "/api/v1/terms", body).want(t, 403, api.CodeForbidden)
	for _, bad := range []string{`{"text":"  \n"}`, `{}`, `{"text":"x","version":3}`,
		`{"text":` + jsonOf(strings.Repeat("x", 100_001)) + `}`, `{"text":"x"`} {
		admin.do(t, "POST", "/api/v1/terms", bad).want(t, 400, api.CodeValidationFailed)
	}
	e.browser().do(t, "GET", "/api/v1/terms", "").want(t, 404, api.CodeNotFound)
	refused := 0
	for _, a := range e.events(t) {
		if a == audit.AuthorizationRefused {
			refused++
		}
	}
	if refused != 1 {
		t.Errorf("%d refusals audited, want 1", refused)
	}
}

// TestTermsGate: once a version is published, a user who has not accepted it gets
// terms_required from every route but sign-out, GET /me, GET /terms and the acceptance; a
// newer version closes the gate again at the next request.
func TestTermsGate(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	admin := e.browser()
	e.newPerson(t, admin, "ada@vendor.example", true)
	b := e.browser()
	e.newPerson(t, b, "cid@client.example", false)
	b.do(t, "GET", "/api/v1/me/sessions", "").want(t, 200, "") // nothing published: no gate

	admin.publish(t, "Version one")
	gated := func(who *browser) {
		t.Helper()
		for _, r := range []struct{ method, path, body string }{
			{"GET", "/api/v1/me/sessions", ""},
			{"PATCH", "/api/v1/me", `{"name":"New Name"}`},
			{"POST", "/api/v1/me/password", `{"current_password":"x","new_password":"y"}`},
			{"POST", "/api/v1/me/email", `{"new_email":"x@y.example","current_password":"x"}`},
			{"DELETE", "/api/v1/me/sessions", ""},
			{"GET", "/api/v1/terms/versions", ""},
			{"POST", "/api/v1/terms", `{"text":"Version by a gated admin"}`},
		} {
			got := who.do(t, r.method, r.path, r.body)
			got.want(t, 403, api.CodeTermsRequired)
		}
		me := who.do(t, "GET", "/api/v1/me", "")
		me.want(t, 200, "")
		var state struct{ Terms struct{ Required bool } }
		me.decode(t, &state)
		if !state.Terms.Required {
			t.Errorf("GET /me says no terms are required: %s", me.body)
		}
		who.do(t, "GET", "/api/v1/terms", "").want(t, 200, "")
	}
	gated(b)
	gated(admin) // the publisher accepts like everyone else

	b.do(t, "POST", "/api/v1/me/terms", `{"version":2}`).want(t, 409, api.CodeConflict)
	b.do(t, "POST", "/api/v1/me/terms", `{"version":0}`).want(t, 400, api.CodeValidationFailed)
	b.do(t, "POST", "/api/v1/me/terms", `{"version":"1"}`).want(t, 400, api.CodeValidationFailed)
	b.accept(t, 1)
	b.do(t, "GET", "/api/v1/me/sessions", "").want(t, 200, "")
	admin.accept(t, 1)
	admin.publish(t, "Version two")
	gated(b)
	b.do(t, "DELETE", "/api/v1/session", "").want(t, 204, "") // sign-out stays open
}

// TestTermsAcceptances: each acceptance is recorded with user, version, time and IP, once,
// and listed to vendor admins only.
func TestTermsAcceptances(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	admin := e.browser()
	e.newPerson(t, admin, "ada@vendor.example", true)
	b := e.browser()
	cid := e.newPerson(t, b, "cid@client.example", false)
	admin.publish(t, "Version one")
	admin.accept(t, 1)
	e.clock.Advance(time.Minute)
	at := e.clock.Now()
	b.accept(t, 1)
	e.clock.Advance(time.Minute)
	b.accept(t, 1) // again: changes nothing
	b.do(t, "GET", "/api/v1/terms/versions/1/acceptances", "").want(t, 403, api.CodeForbidden)

	got := admin.do(t, "GET", "/api/v1/terms/versions/1/acceptances", "")
	got.want(t, 200, "")
	var list struct {
		Items []struct {
			UserID     string `json:"user_id"`
			Email      string
			Version    int
			AcceptedAt time.Time `json:"accepted_at"`
			IP         string
		}
	}
	got.decode(t, &list)
	if len(list.Items) != 2 {
		t.Fatalf("acceptances %s, want 2", got.body)
	}
	found := false
	for _, a := range list.Items {
		if a.UserID == cid.id {
			found = a.Email == cid.email && a.Version == 1 && a.AcceptedAt.Equal(at) &&
				a.IP == "127.0.0.1"
		}
	}
	if !found {
		t.Errorf("Cid's acceptance is wrong or missing: %s", got.body)
	}
	if u := e.user(t, cid.id); u.TermsAccepted != 1 || !u.TermsAcceptedAt.Equal(at) {
		t.Errorf("user records version %d at %v", u.TermsAccepted, u.TermsAcceptedAt)
	}
	admin.do(t, "GET", "/api/v1/terms/versions/2/acceptances", "").want(t, 404, api.CodeNotFound)
	accepted := 0
	for _, a := range e.events(t) {
		if a == audit.TermsAccepted {
			accepted++
		}
	}
	if accepted != 2 {
		t.Errorf("%d terms.accepted events, want 2", accepted)
	}
}
