package api_test

import (
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/api"
)

type sessionItem struct {
	ID         string    `json:"id"`
	Browser    string    `json:"browser"`
	IP         string    `json:"ip"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	Current    bool      `json:"current"`
}

func (b *browser) sessions(t *testing.T) []sessionItem {
	t.Helper()
	got := b.do(t, "GET", "/api/v1/me/sessions", "")
	got.want(t, 200, "")
	var list struct {
		Items []sessionItem `json:"items"`
	}
	got.decode(t, &list)
	return list.Items
}

// TestSessionsListAndEnd lists a user's sessions, ends one, then all but the current one.
func TestSessionsListAndEnd(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	a := e.browser()
	ann := e.newPerson(t, a, "ann@client.example", false)
	start := e.clock.Now()
	e.clock.Advance(time.Minute)
	b, c := e.browser(), e.browser()
	b.signIn(t, ann)
	e.clock.Advance(time.Second) // ids order sessions only to the millisecond: c is the newest
	c.signIn(t, ann)
	e.clock.Advance(5 * time.Minute)
	list := a.sessions(t)
	if len(list) != 3 {
		t.Fatalf("%d sessions, want 3: %+v", len(list), list)
	}
	cur := list[2] // newest first: a signed in first
	if !cur.Current || list[0].Current || cur.Browser != "Firefox on Linux" ||
		cur.IP != "127.0.0.1" || !cur.CreatedAt.Equal(start) ||
		!cur.LastSeenAt.Equal(e.clock.Now()) {
		t.Errorf("sessions %+v; want the oldest current, Firefox on Linux from 127.0.0.1, "+
			"started %v and seen now", list, start)
	}

	a.do(t, "DELETE", "/api/v1/me/sessions/"+list[0].ID, "").want(t, 204, "")
	c.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	b.do(t, "GET", "/api/v1/me", "").want(t, 200, "")
	a.do(t, "DELETE", "/api/v1/me/sessions/"+list[0].ID, "").want(t, 404, api.CodeNotFound)
	a.do(t, "DELETE", "/api/v1/me/sessions/junk", "").want(t, 404, api.CodeNotFound)

	// Another user cannot end Ann's sessions, nor tell them from missing ones.
	bob := e.browser()
	e.newPerson(t, bob, "bob@client.example", false)
	bob.do(t, "DELETE", "/api/v1/me/sessions/"+list[1].ID, "").want(t, 404, api.CodeNotFound)
	b.do(t, "GET", "/api/v1/me", "").want(t, 200, "")

	a.do(t, "DELETE", "/api/v1/me/sessions", "").want(t, 204, "")
	b.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	if left := a.sessions(t); len(left) != 1 || left[0].ID != cur.ID {
		t.Errorf("after ending the others: %+v", left)
	}
	bob.do(t, "GET", "/api/v1/me", "").want(t, 200, "")

	// Ending the current session signs out.
	a.do(t, "DELETE", "/api/v1/me/sessions/"+cur.ID, "").want(t, 204, "")
	a.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
}

// TestSessionTimeouts: a session ends after 2 hours without a request and 24 hours after it
// started, however busy.
func TestSessionTimeouts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, envOptions{})
	busy := e.browser()
	start := e.clock.Now()
	ann := e.newPerson(t, busy, "ann@client.example", false)
	idle := e.browser()
	idle.signIn(t, ann)
	e.clock.Advance(2*time.Hour - time.Second)
	busy.do(t, "GET", "/api/v1/me", "").want(t, 200, "")
	e.clock.Advance(time.Second)
	idle.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
	for e.clock.Now().Add(110 * time.Minute).Before(start.Add(24 * time.Hour)) {
		e.clock.Advance(110 * time.Minute)
		busy.do(t, "GET", "/api/v1/me", "").want(t, 200, "")
	}
	e.clock.Advance(start.Add(24 * time.Hour).Sub(e.clock.Now()))
	busy.do(t, "GET", "/api/v1/me", "").want(t, 401, api.CodeUnauthenticated)
}
