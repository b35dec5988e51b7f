package api_test

import (
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/api"
)

// target is what one request of the matrix acts on.
type target struct {
	name string
	// path and body are the request's for actor a; a nil body sends none.
	path func(a *actor) string
	body func(a *actor) any
	// asks are the permissions the request needs, in the order the server checks them.
	asks []ask
	// twin names the target whose answer this one's must equal, byte for byte: the same
	// request naming something that does not exist. An organisation out of reach is compared
	// with it; so is an object target once admitted.
	twin string
	// object marks a target whose path names, in an organisation the actor may act on,
	// another's object or none (a member of another organisation, another's session): admitted,
	// it must answer not_found as its twin does, and change nothing.
	object bool
	// late marks a target whose admission changes who reaches what: it runs after the others.
	late bool
}

// orgNames are the organisations a route that names one is sent to, "nothing" naming none.
var orgNames = []string{"client1", "client2", "client3", "dist1", "dist2", "vendor", "nothing"}

// targetsOf returns the targets of route rt.
func (m *matrix) targetsOf(t *testing.T, rt api.Route) []target {
	t.Helper()
	switch {
	case rt.MuxPattern() == "POST /api/v1/orgs":
		return m.creations(rt)
	case orgScoped(rt.Pattern):
		return m.orgTargets(t, rt)
	case strings.Contains(rt.Pattern, "/sessions/{id}"):
		return m.sessionTargets(t, rt)
	}
	v := m.variantsOf(t, rt)[0]
	return []target{{name: "-", path: fixed(m.fill(t, rt.Pattern, "", "")),
		body: v.bodyFor(m, ""), asks: []ask{{perm: rt.Permission}}}}
}

// orgTargets sends each variant of rt to each organisation, and, when the path names an object
// of the organisation, to client1 with another organisation's object and with none.
func (m *matrix) orgTargets(t *testing.T, rt api.Route) []target {
	t.Helper()
	var out []target
	for _, v := range m.variantsOf(t, rt) {
		asks := func(orgName string) []ask {
			out := []ask{{perm: rt.Permission, org: orgName}}
			for _, p := range v.asks {
				out = append(out, ask{perm: p, org: orgName})
			}
			return out
		}
		for _, n := range orgNames {
			if n == "vendor" && strings.HasPrefix(rt.Pattern, "/api/v1/licenses/{id}") {
				continue // the vendor holds no license to name
			}
			tg := target{name: n + v.suffix, asks: asks(n), body: v.bodyFor(m, n), late: v.late,
				path: fixed(m.fill(t, rt.Pattern, n, m.objectOf(rt.Pattern, n)))}
			if n != "nothing" {
				tg.twin = "nothing" + v.suffix
			}
			out = append(out, tg)
		}
		if !namesObject(rt.Pattern) {
			continue
		}
		out = append(out, target{name: "client1 foreign" + v.suffix, asks: asks("client1"),
			body: v.bodyFor(m, "client1"), object: true, twin: "client1 missing" + v.suffix,
			path: fixed(m.fill(t, rt.Pattern, "client1", m.objectOf(rt.Pattern, "client3")))},
			target{name: "client1 missing" + v.suffix, asks: asks("client1"),
				body: v.bodyFor(m, "client1"), object: true,
				path: fixed(m.fill(t, rt.Pattern, "client1", m.objectOf(rt.Pattern, "nothing")))})
	}
	return out
}

// sessionTargets sends rt to the actor's own spare session, to another user's, and to none.
func (m *matrix) sessionTargets(t *testing.T, rt api.Route) []target {
	t.Helper()
	at := func(id string) string { return m.fill(t, rt.Pattern, "", id) }
	asks := []ask{{perm: rt.Permission}}
	own := func(a *actor) string { return at(pick2(m.spare[a.name], noSession)) }
	return []target{
		{name: "own", path: own, asks: asks},
		{name: "foreign", path: fixed(at(m.client4Admin.session)), asks: asks, object: true,
			twin: "missing"},
		{name: "missing", path: fixed(at(noSession)), asks: asks, object: true},
	}
}

// creations are the targets of POST /api/v1/orgs, whose body names the organisation the new
// one hangs from: a client of each distributor, or of none; a client and a distributor of the
// vendor.
func (m *matrix) creations(rt api.Route) []target {
	member := ask{perm: rt.Permission}
	client := func(dist string) func(a *actor) any {
		return func(a *actor) any {
			b := map[string]any{"name": "Client of " + a.name, "kind": "client"}
			if dist != "" {
				b["distributor_id"] = m.orgID(dist)
			}
			return b
		}
	}
	under := func(dist string) target {
		return target{name: dist, path: fixed("/api/v1/orgs"), body: client(dist), twin: "nothing",
			asks: []ask{member, {perm: api.OrgCreateClient, org: dist}}}
	}
	distributor := func(a *actor) any {
		return map[string]any{"name": "Distributor of " + a.name, "kind": "distributor"}
	}
	return []target{under("dist1"), under("dist2"), under("nothing"),
		{name: "vendor", path: fixed("/api/v1/orgs"), body: client(""),
			asks: []ask{member, {perm: api.OrgCreateClient, org: "vendor", openly: true}}},
		{name: "vendor distributor", path: fixed("/api/v1/orgs"), body: distributor,
			asks: []ask{member, {perm: api.OrgCreateDistributor, org: "vendor", openly: true}}}}
}

// orgScoped reports whether a route acts on an organisation named by its path.
func orgScoped(pattern string) bool {
	return strings.Contains(pattern, "{org}") || strings.HasPrefix(pattern, "/api/v1/licenses/{id}")
}

// namesObject reports whether a path names an object that belongs to the path's {org}.
func namesObject(pattern string) bool {
	return strings.Contains(pattern, "{org}") &&
		(strings.Contains(pattern, "{user}") || strings.Contains(pattern, "/invitations/{id}"))
}

func fixed(path string) func(*actor) string { return func(*actor) string { return path } }

func pick2(v, otherwise string) string {
	if v == "" {
		return otherwise
	}
	return v
}
