package api_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/setup"
)

// TestFirstAdmin: the link of the first start makes whoever opens it an admin of the vendor
// organisation, signed in, once.
func TestFirstAdmin(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	link, err := e.setup.FirstStart(t.Context())
	if err != nil || !strings.HasPrefix(link, publicURL+"/setup#token=") {
		t.Fatalf("first start: %q %v", link, err)
	}
	if again, err := e.setup.FirstStart(t.Context()); again != "" || err != nil {
		t.Errorf("second start: %q %v, want no link", again, err)
	}
	tok := tokenOf(t, link)
	b := e.browser()
	prev := b.do(t, "POST", "/api/v1/setup/preview", jsonOf(map[string]string{"token": tok}))
	prev.want(t, 200, "")
	var p struct {
		Kind      string
		ExpiresAt time.Time `json:"expires_at"`
	}
	prev.decode(t, &p)
	if p.Kind != setup.KindFirstAdmin || !p.ExpiresAt.Equal(e.clock.Now().Add(24*time.Hour)) {
		t.Errorf("preview %s", prev.body)
	}
	body := jsonOf(map[string]string{"token": tok, "email": "Ada@Vendor.Example",
		"name": "Ada Admin", "password": "the first admin's password"})
	for _, bad := range []string{
		jsonOf(map[string]string{"token": tok, "email": "nope", "name": "Ada",
			"password": "the first admin's password"}),
		jsonOf(map[string]string{"token": tok, "email": "ada@vendor.example", "name": "",
			"password": "the first admin's password"}),
		jsonOf(map[string]string{"token": tok, "email": "ada@vendor.example", "name": "Ada",
			"password": "short"}),
	} {
		b.do(t, "POST", "/api/v1/setup", bad).want(t, 400, api.CodeValidationFailed)
	}
	b.do(t, "POST", "/api/v1/setup", body).want(t, 200, "")
	me := b.do(t, "GET", "/api/v1/me", "")
	me.want(t, 200, "")
	if !strings.Contains(string(me.body), `"vendor_admin":true`) ||
		!strings.Contains(string(me.body), `"email":"ada@vendor.example"`) {
		t.Errorf("me after setup: %s", me.body)
	}
	e.browser().do(t, "POST", "/api/v1/setup", body).want(t, 400, api.CodeInvalidToken)
	if waiting, err := e.setup.NeedsAdmin(t.Context()); waiting || err != nil {
		t.Errorf("NeedsAdmin after setup: %v %v", waiting, err)
	}
	// The first start's creation of the vendor organisation is in the log.
	var created eventList
	b.do(t, "GET", "/api/v1/events?action="+audit.OrgCreated, "").decode(t, &created)
	if len(created.Items) != 1 || created.Items[0].Details["kind"] != org.KindVendor ||
		created.Items[0].OrgID == "" || created.Items[0].Target != created.Items[0].OrgID {
		t.Errorf("org.created events %+v, want the vendor's", created.Items)
	}
}

// TestFirstAdminLinkExpires: the link lasts 24 hours.
func TestFirstAdminLinkExpires(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	link, err := e.setup.FirstStart(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(24 * time.Hour)
	tok := tokenOf(t, link)
	e.browser().do(t, "POST", "/api/v1/setup/preview", jsonOf(map[string]string{"token": tok})).
		want(t, 400, api.CodeInvalidToken)
	e.browser().do(t, "POST", "/api/v1/setup", jsonOf(map[string]string{"token": tok,
		"email": "ada@vendor.example", "name": "Ada", "password": "the first admin's password"})).
		want(t, 400, api.CodeInvalidToken)
	if waiting, err := e.setup.NeedsAdmin(t.Context()); !waiting || err != nil {
		t.Errorf("NeedsAdmin: %v %v, want true", waiting, err)
	}
}

// TestFirstStartRace: of many first starts at once on one store, exactly one gets a link.
func TestFirstStartRace(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	const n = 8
	links := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { links[i], errs[i] = e.setup.FirstStart(t.Context()) })
	}
	wg.Wait()
	got := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("start %d: %v", i, errs[i])
		}
		if links[i] != "" {
			got++
		}
	}
	if got != 1 {
		t.Errorf("%d links, want 1", got)
	}
}

// TestSetPasswordLink: the link of `admin create-user` sets the password of its account and
// signs in; it takes no address or name; a second create-user for the address changes nothing.
func TestSetPasswordLink(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	link, err := e.setup.CreateUser(t.Context(), "Zoe@Client.Example", "Zoe", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.setup.CreateUser(t.Context(), "zoe@client.example", "Zoe Again",
		true); !errors.Is(err, setup.ErrExists) {
		t.Errorf("second create-user: %v, want ErrExists", err)
	}
	if n := len(e.mailsTo(t, "zoe@client.example", "set_password")); n != 1 {
		t.Errorf("%d set-password mails, want 1", n)
	}
	tok := tokenOf(t, link)
	b := e.browser()
	prev := b.do(t, "POST", "/api/v1/setup/preview", jsonOf(map[string]string{"token": tok}))
	prev.want(t, 200, "")
	if !strings.Contains(string(prev.body), `"email":"zoe@client.example"`) ||
		!strings.Contains(string(prev.body), `"kind":"set_password"`) {
		t.Errorf("preview %s", prev.body)
	}
	b.do(t, "POST", "/api/v1/setup", jsonOf(map[string]string{"token": tok,
		"email": "other@client.example", "password": "zoe's fine password"})).
		want(t, 400, api.CodeValidationFailed)
	// No one signs in with an account that has no password yet.
	e.browser().do(t, "POST", "/api/v1/session", jsonOf(map[string]string{
		"email": "zoe@client.example", "password": ""})).want(t, 400, api.CodeValidationFailed)
	b.do(t, "POST", "/api/v1/setup", jsonOf(map[string]string{"token": tok,
		"password": "zoe's fine password"})).want(t, 200, "")
	me := b.do(t, "GET", "/api/v1/me", "")
	if !strings.Contains(string(me.body), `"vendor_admin":false`) {
		t.Errorf("me %s", me.body)
	}
	e.browser().signIn(t, person{email: "zoe@client.example", password: "zoe's fine password"})
	for _, bad := range []string{`{"token":"junk","password":"zoe's fine password"}`,
		`{"token":"` + tok + `","password":"zoe's fine password"}`, `{"token":1}`, `{`} {
		got := e.browser().do(t, "POST", "/api/v1/setup", bad)
		if got.StatusCode != 400 {
			t.Errorf("%s: %d", bad, got.StatusCode)
		}
	}
}
