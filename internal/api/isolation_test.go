package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/licensorhq/licensor/internal/api"
)

// The isolation matrix of SECURITY.md: every documented route of api.Routes() x every actor x
// every target, each answer checked against an expectation written apart from the handlers
// and from package policy's table (isolation_expect_test.go). A route added to the table is
// covered at once: a permission, a path parameter or a body this file does not know fails the
// test until it is taught.
//
// The targets of a route that names an organisation are the clients client1 (the client
// actors' own, managed by dist1), client2 (its sibling under dist1) and client3 (a client of
// dist2), the distributors dist1 and dist2, the vendor organisation, and an id that names
// nothing; a path that names an object of the organisation (a member, an invitation) is also
// sent to client1 with another organisation's object and with none. DELETE
// /api/v1/me/sessions/{id} is sent to the actor's own session, another user's and none. Each
// mutation carries a valid body (isolation_bodies_test.go), so that its refusal is the
// policy's.
//
// Each answer must hold no canary of an organisation its actor does not reach; a refused
// request must change nothing but the audit log and the throttles (so it queues no mail
// either); an organisation out of reach, and another's object, must answer byte for byte as
// the same request naming nothing does (status, headers, body but for the request id). It runs
// on the store LICENSOR_TEST_STORE names.

func TestIsolationMatrix(t *testing.T) {
	t.Parallel()
	// The GET routes change nothing but the audit log: they share one world. Each other route
	// has its own, so that what one admits does not change what another is checked against.
	shared := newMatrix(t)
	for _, rt := range api.New(api.Options{}).Routes() {
		if !rt.Documented() {
			continue
		}
		t.Run(strings.NewReplacer(" ", "_", "/", "_").Replace(rt.MuxPattern()), func(t *testing.T) {
			t.Parallel()
			m := shared
			if rt.Method != http.MethodGet {
				m = newMatrix(t)
			}
			runMatrix(t, m, rt)
		})
	}
}

// matrixCase is one request of the matrix.
type matrixCase struct {
	who  *actor
	tg   target
	want expectation
}

func (c matrixCase) name() string { return c.who.name + " on " + c.tg.name }

// key is the case's key among a route's answers.
func (c matrixCase) key() string { return c.who.name + "|" + c.tg.name }

// quiet reports whether c must change nothing: a refusal, or another's object.
func (c matrixCase) quiet() bool { return c.want != admitted || c.tg.object }

// phase orders the cases: those that must change nothing first, so that the store is as
// seeded when each is checked; then the admitted; then those that change who reaches what.
func (c matrixCase) phase() int {
	switch {
	case c.quiet():
		return 0
	case c.tg.late:
		return 2
	}
	return 1
}

func runMatrix(t *testing.T, m *matrix, rt api.Route) {
	cases := m.casesOf(t, rt)
	sort.SliceStable(cases, func(i, j int) bool { return cases[i].phase() < cases[j].phase() })
	sameAsTwins(t, cases, m.run(t, rt, cases))
}

// casesOf returns the requests of rt: each target as each actor.
func (m *matrix) casesOf(t *testing.T, rt api.Route) []matrixCase {
	t.Helper()
	var cases []matrixCase
	actors := append(m.actors(), m.noTerms, m.licenseKey, &actor{name: "anonymous"})
	for _, tg := range m.targetsOf(t, rt) {
		for _, a := range actors {
			want := expect(a, tg.asks)
			if want == unknownPermErr {
				t.Fatalf("a permission of %v has no expectation in the isolation matrix", tg.asks)
			}
			cases = append(cases, matrixCase{a, tg, want})
		}
	}
	return cases
}

// sameAsTwins fails for each case that must answer as its twin and does not: an organisation
// out of reach, and another's object once admitted.
func sameAsTwins(t *testing.T, cases []matrixCase, answers map[string]reply) {
	t.Helper()
	for _, c := range cases {
		if c.tg.twin == "" || (c.want != outOfReach && !(c.tg.object && c.want == admitted)) {
			continue
		}
		got, twin := answers[c.key()], answers[c.who.name+"|"+c.tg.twin]
		if got.canon != twin.canon {
			t.Errorf("%s answers unlike %s, which names nothing:\n%s\n%s", c.name(), c.tg.twin,
				got.canon, twin.canon)
		}
	}
}

// quietAtOnce is how many requests that must change nothing are sent at once: each is told
// apart in the store by its request id, and sending several keeps the store busy.
const quietAtOnce = 4

// run sends the cases in their order, those that must change nothing quietAtOnce at a time,
// and returns the answers by actor and target.
func (m *matrix) run(t *testing.T, rt api.Route, cases []matrixCase) map[string]reply {
	var mu sync.Mutex
	answers := map[string]reply{}
	keep := func(c matrixCase, r reply) {
		mu.Lock()
		defer mu.Unlock()
		answers[c.key()] = r
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, quietAtOnce)
	for _, c := range cases {
		if !c.quiet() {
			wg.Wait() // every quiet case is answered before the first admitted one is sent
			keep(c, m.check(t, rt, c))
			continue
		}
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			keep(c, m.check(t, rt, c))
		})
	}
	wg.Wait()
	return answers
}

// check sends c's request, checks its answer and returns it.
func (m *matrix) check(t *testing.T, rt api.Route, c matrixCase) reply {
	t.Helper()
	var body any
	if c.tg.body != nil {
		body = c.tg.body(c.who)
	}
	st, b, resp := m.callResp(t, c.who, rt.Method, c.tg.path(c.who), body)
	got := replyOf(b, resp)
	if fault := c.fault(st, b); fault != "" {
		t.Errorf("%s: %d %s, want %s", c.name(), st, b, fault)
	}
	if c.quiet() {
		if wrote := m.st.writtenFor(got.requestID); slices.ContainsFunc(wrote, changes) {
			t.Errorf("%s: a request that must change nothing wrote %v", c.name(), wrote)
		}
	}
	m.noCanaries(t, c.name(), c.who, b)
	return got
}

// fault says what c should have got instead of status st and body b ("" when it got that).
func (c matrixCase) fault(st int, b []byte) string {
	switch {
	case st >= 500:
		return "no server error"
	case c.want != admitted && (st != c.want.status || problemCode(b) != c.want.code):
		return fmt.Sprintf("%d %s", c.want.status, c.want.code)
	case c.want == admitted && refused(st, b):
		return "admitted"
	case c.want == admitted && c.tg.object && (st != 404 || problemCode(b) != "not_found"):
		return "404 not_found for an object not there"
	}
	return ""
}

// reply is what a request got; canon is its status, headers and body without the request
// id, to compare with another answer byte for byte.
type reply struct {
	requestID, canon string
}

func replyOf(body []byte, resp *http.Response) reply {
	rid := resp.Header.Get(api.RequestIDHeader)
	var b strings.Builder
	b.WriteString(resp.Status + "\n")
	keys := make([]string, 0, len(resp.Header))
	for k := range resp.Header {
		if k != "Date" && k != api.RequestIDHeader {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.WriteString(k + ": " + strings.Join(resp.Header[k], ", ") + "\n")
	}
	b.WriteString(strings.ReplaceAll(string(body), rid, "<request id>"))
	return reply{requestID: rid, canon: b.String()}
}

// refused reports whether an answer is a refusal of the policy: unauthenticated, forbidden,
// terms required, or the not_found of an organisation out of reach.
func refused(status int, body []byte) bool {
	var p struct{ Code, Detail string }
	_ = json.Unmarshal(body, &p)
	return p.Code == "unauthenticated" || p.Code == "forbidden" || p.Code == "terms_required" ||
		(p.Code == "not_found" && p.Detail == "no such resource")
}

// noCanaries fails when body holds the canary of an organisation who does not reach.
func (m *matrix) noCanaries(t *testing.T, name string, who *actor, body []byte) {
	t.Helper()
	byName := map[string]string{"vendor": m.vendor.ID, "dist1": m.dist1.ID, "dist2": m.dist2.ID,
		"client1": m.client1.ID, "client2": m.client2.ID, "client3": m.client3.ID,
		"client4": m.client4.ID}
	for orgName, id := range byName {
		if slices.Contains(reaches[who.name], orgName) {
			continue
		}
		if strings.Contains(string(body), m.canaries[id]) {
			t.Errorf("%s: the answer holds %s's canary: %s", name, orgName, body)
		}
	}
}
