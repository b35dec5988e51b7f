package api_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// Tokens sent by mail are single use, consumed atomically: of many submissions of one token at
// once, exactly one succeeds, every other gets 400 invalid_token, and the store holds one
// effect. (Resets: TestResetConcurrentUse.)

// submissions is how many requests send the same token at once.
const submissions = 8

// submitAtOnce calls submit(i) for each i below submissions, all at once, and fails unless
// exactly one answer has status ok and every other is 400 invalid_token.
func submitAtOnce(t *testing.T, ok int, submit func(i int) (status int, body []byte)) {
	t.Helper()
	statuses, codes := make([]int, submissions), make([]string, submissions)
	var wg sync.WaitGroup
	for i := range submissions {
		wg.Go(func() {
			st, b := submit(i)
			statuses[i], codes[i] = st, problemCode(b)
		})
	}
	wg.Wait()
	won := 0
	for i, s := range statuses {
		switch {
		case s == ok:
			won++
		case s != 400 || codes[i] != string(api.CodeInvalidToken):
			t.Errorf("submission %d: %d %s, want %d or 400 invalid_token", i, s, codes[i], ok)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d submissions succeeded, want 1: %v", won, submissions, statuses)
	}
}

// count returns how many times action is in actions.
func count(actions []string, action string) int {
	n := 0
	for _, a := range actions {
		if a == action {
			n++
		}
	}
	return n
}

func TestEmailConfirmConcurrentUse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	b := e.browser()
	ann := e.newPerson(t, b, "ann@client.example", false)
	tok := b.emailChange(t, ann, "ann@new.example")
	submitAtOnce(t, 200, func(int) (int, []byte) {
		got := e.browser().do(t, "POST", "/api/v1/me/email/confirm",
			jsonOf(map[string]string{"token": tok}))
		return got.StatusCode, got.body
	})
	if got := e.user(t, ann.id).Email; got != "ann@new.example" {
		t.Errorf("address %q after the confirmations", got)
	}
	if n := count(e.events(t), audit.EmailChanged); n != 1 {
		t.Errorf("%d %s events, want 1", n, audit.EmailChanged)
	}
	if _, err := account.ByEmail(t.Context(), e.st, ann.email); !errors.Is(err,
		store.ErrNotFound) {
		t.Errorf("the old address still finds an account: %v", err)
	}
}

func TestFirstAdminConcurrentUse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	link, err := e.setup.FirstStart(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	tok := tokenOf(t, link)
	submitAtOnce(t, 200, func(i int) (int, []byte) {
		got := e.browser().do(t, "POST", "/api/v1/setup", jsonOf(map[string]string{
			"token": tok, "email": fmt.Sprintf("admin%d@vendor.example", i),
			"name": "Admin", "password": "the first admin's password"}))
		return got.StatusCode, got.body
	})
	v, err := org.Vendor(t.Context(), e.st)
	if err != nil {
		t.Fatal(err)
	}
	if ms, err := org.Members(t.Context(), e.st, v.ID, 0); err != nil || len(ms) != 1 {
		t.Errorf("the vendor organisation has %d members (%v), want 1", len(ms), err)
	}
	events := e.events(t)
	if count(events, audit.SetupCompleted) != 1 || count(events, audit.UserCreated) != 1 {
		t.Errorf("events %v, want one account made by one setup", events)
	}
}

func TestInvitationAcceptConcurrentUse(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.must(t, 201, w.clientAdmin, "POST", "/api/v1/orgs/"+w.client1.ID+"/invitations",
		map[string]string{"email": "new@example.org"}, nil)
	token := w.lastInvitationToken(t, "new@example.org")
	submitAtOnce(t, 200, func(i int) (int, []byte) {
		st, b, _ := w.accept(t, nil, map[string]any{"token": token,
			"name": fmt.Sprintf("Newcomer %d", i), "password": newPassword})
		return st, b
	})
	ms, err := org.Members(t.Context(), w.st, w.client1.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	u, err := account.ByEmail(t.Context(), w.st, "new@example.org")
	if err != nil || !slices.ContainsFunc(ms, func(m org.Membership) bool {
		return m.UserID == u.ID
	}) || len(ms) != 4 {
		t.Errorf("members of client1 after the acceptances: %+v (%v)", ms, err)
	}
	var actions []string
	for _, ev := range w.events(t, w.client1.ID) {
		actions = append(actions, ev.Action)
	}
	if count(actions, audit.InvitationAccepted) != 1 || count(actions, audit.UserCreated) != 1 {
		t.Errorf("client1's events %v, want one acceptance and one account", actions)
	}
}
