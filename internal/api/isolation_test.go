package api_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/api"
)

// The isolation matrix of SECURITY.md: every documented route of api.Routes() x every actor x
// every target, each answer checked against an expectation written here, apart from the
// handlers and from package policy's table. A route added to the table is covered at once: a
// permission or a path parameter this file does not know fails the test until it is taught.
//
// The targets are three clients: client1 (the own organisation of the client actors, reached
// by dist1's staff), client2 (its sibling under dist1) and client3 (a client of dist2); and an
// id that names nothing. Each answer must hold no canary of an organisation its actor does not
// reach; a refused request must change nothing but the audit log and the throttles (which
// also means it queued no mail). It runs on the store LICENSOR_TEST_STORE names.

// standing is where each actor stands towards each target client, by hand ("" not reached).
var standing = map[string]map[string]string{
	"vendoradmin":  {"client1": "vendor", "client2": "vendor", "client3": "vendor"},
	"vendormember": {"client1": "vendor", "client2": "vendor", "client3": "vendor"},
	"distadmin":    {"client1": "dist admin", "client2": "dist admin"},
	"distmember":   {"client1": "dist member", "client2": "dist member"},
	"clientadmin":  {"client1": "admin"},
	"clientmember": {"client1": "member"},
	"twoorgs":      {"client1": "member", "client3": "admin"},
	"noterms":      {"client1": "admin"},
}

// reaches lists the organisations whose canaries each actor may see.
var reaches = map[string][]string{
	"vendoradmin":  {"dist1", "dist2", "client1", "client2", "client3", "client4"},
	"vendormember": {"dist1", "dist2", "client1", "client2", "client3", "client4"},
	"distadmin":    {"dist1", "client1", "client2"},
	"distmember":   {"dist1", "client1", "client2"},
	"clientadmin":  {"client1"}, "clientmember": {"client1"}, "noterms": {"client1"},
	"twoorgs": {"client1", "client3"},
	// The license key of a client1 license sees that license, named after client1's canary.
	"license_key": {"client1"},
}

// allowedOnClient is DESIGN.md's table, on a client: who holds each permission that names one.
var allowedOnClient = map[api.Permission][]string{
	api.OrgView:          {"member", "admin", "dist member", "dist admin", "vendor"},
	api.LicenseView:      {"member", "admin", "dist member", "dist admin", "vendor"},
	api.OrgInvite:        {"member", "admin", "dist member", "dist admin", "vendor"},
	api.OrgManageMembers: {"admin", "dist admin", "vendor"},
	api.OrgEdit:          {"admin", "dist member", "dist admin", "vendor"},
	api.OrgAudit:         {"admin", "dist member", "dist admin", "vendor"},
	api.LicenseKey:       {"admin", "dist member", "dist admin", "vendor"},
	api.LicenseManage:    {"dist member", "dist admin", "vendor"},
	api.InvoiceManage:    {"dist member", "dist admin", "vendor"},
}

// expectation is the answer a request must get: a refusal (status and code), or admission
// (zero), after which the handler may still answer 400, 409 and the like.
type expectation struct {
	status int
	code   string
}

var (
	admitted       = expectation{}
	unauthorized   = expectation{401, "unauthenticated"}
	termsFirst     = expectation{403, "terms_required"}
	forbidden      = expectation{403, "forbidden"}
	outOfReach     = expectation{404, "not_found"}
	unknownPermErr = expectation{-1, ""}
)

// expect is what actor a must get from a route with permission p on target (a client's name,
// "nothing" for an id that names nothing, "" for a route that names no organisation).
func expect(p api.Permission, a *actor, target string) expectation {
	signedIn := a.cookie != ""
	switch {
	case p == api.Public:
		return admitted
	case !signedIn:
		return unauthorized
	case p == api.SignedIn:
		return admitted
	case a.name == "noterms":
		return termsFirst
	case p == api.Member:
		return admitted
	case p == api.VendorAdmin:
		return pick(a.name == "vendoradmin", admitted, forbidden)
	case p == api.VendorMember:
		return pick(strings.HasPrefix(a.name, "vendor"), admitted, forbidden)
	}
	cols, ok := allowedOnClient[p]
	if !ok {
		return unknownPermErr
	}
	col := standing[a.name][target]
	switch {
	case col == "":
		return outOfReach
	case slices.Contains(cols, col):
		return admitted
	}
	return forbidden
}

func pick(cond bool, yes, no expectation) expectation {
	if cond {
		return yes
	}
	return no
}

func TestIsolationMatrix(t *testing.T) {
	t.Parallel()
	for _, rt := range api.New(api.Options{}).Routes() {
		if !rt.Documented() {
			continue
		}
		t.Run(strings.NewReplacer(" ", "_", "/", "_").Replace(rt.MuxPattern()), func(t *testing.T) {
			t.Parallel()
			runMatrix(t, rt)
		})
	}
}

// matrixCase is one request of the matrix.
type matrixCase struct {
	who    *actor
	target string
	want   expectation
}

func runMatrix(t *testing.T, rt api.Route) {
	m := newMatrix(t)
	targets := []string{""}
	if orgScoped(rt.Pattern) {
		targets = []string{"client1", "client2", "client3", "nothing"}
	}
	var cases []matrixCase
	actors := append(m.actors(), m.noTerms, m.licenseKey, &actor{name: "anonymous"})
	for _, target := range targets {
		for _, a := range actors {
			want := expect(rt.Permission, a, target)
			if want == unknownPermErr {
				t.Fatalf("permission %q has no expectation in the isolation matrix", rt.Permission)
			}
			cases = append(cases, matrixCase{a, target, want})
		}
	}
	// Refusals first, so that the store is as seeded when each is checked to change nothing.
	slices.SortStableFunc(cases, func(x, y matrixCase) int {
		return pick(x.want == admitted, expectation{1, ""}, expectation{}).status -
			pick(y.want == admitted, expectation{1, ""}, expectation{}).status
	})
	for _, c := range cases {
		m.check(t, rt, c)
	}
}

// check sends c's request and checks its answer.
func (m *matrix) check(t *testing.T, rt api.Route, c matrixCase) {
	t.Helper()
	path := m.fill(t, rt.Pattern, c.target)
	var body any
	if rt.Method != http.MethodGet && rt.Method != http.MethodDelete {
		body = map[string]any{}
	}
	mark := m.st.mark()
	st, b := m.call(t, c.who, rt.Method, path, body)
	name := c.who.name + " on " + c.target
	if st >= 500 {
		t.Fatalf("%s: %d %s", name, st, b)
	}
	if c.want != admitted {
		if st != c.want.status || problemCode(b) != c.want.code {
			t.Errorf("%s: %d %s, want %d %s", name, st, b, c.want.status, c.want.code)
		}
		if got := m.st.since(mark); slices.ContainsFunc(got, changes) {
			t.Errorf("%s: a refused request wrote %v", name, got)
		}
	} else if refused(st, b) {
		t.Errorf("%s: refused with %d %s, want admitted", name, st, b)
	}
	m.noCanaries(t, name, c.who, b)
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
	byName := map[string]string{"dist1": m.dist1.ID, "dist2": m.dist2.ID,
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

// orgScoped reports whether a route acts on an organisation named by its path.
func orgScoped(pattern string) bool {
	return strings.Contains(pattern, "{org}") || strings.HasPrefix(pattern, "/api/v1/licenses/{id}")
}

// fill replaces the path parameters of pattern with ids of target.
func (m *matrix) fill(t *testing.T, pattern, target string) string {
	t.Helper()
	clients := map[string]string{"client1": m.client1.ID, "client2": m.client2.ID,
		"client3": m.client3.ID, "nothing": "org_01qdg0h6x8nothingnothing00"}
	members := map[string]string{"client1": m.clientMember.user.ID,
		"client2": m.client2Admin.user.ID, "client3": m.client3Admin.user.ID,
		"nothing": "usr_01qdg0h6x8nothingnothing00"}
	orgID := clients[target]
	values := map[string]string{
		"{org}": orgID, "{user}": members[target], "{version}": "1",
		"{id}": m.idFor(pattern, orgID),
	}
	out := pattern
	for k, v := range values {
		out = strings.ReplaceAll(out, k, v)
	}
	if strings.Contains(out, "{") || strings.Contains(out, "//") {
		t.Fatalf("the isolation matrix cannot fill the parameters of %s (got %s): teach fill",
			pattern, out)
	}
	return out
}

// idFor is the {id} of pattern in organisation orgID.
func (m *matrix) idFor(pattern, orgID string) string {
	switch {
	case strings.Contains(pattern, "/invitations/{id}"):
		return pick2(m.invites[orgID], "ivt_01qdg0h6x8nothingnothing00")
	case strings.Contains(pattern, "/licenses/{id}"):
		return pick2(m.licenseIDs[orgID], "lic_01qdg0h6x8nothingnothing00")
	case strings.Contains(pattern, "/sessions/{id}"):
		return "ses_01qdg0h6x8nothingnothing00"
	}
	return ""
}

func pick2(v, otherwise string) string {
	if v == "" {
		return otherwise
	}
	return v
}
