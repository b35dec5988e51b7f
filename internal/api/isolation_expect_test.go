package api_test

import (
	"slices"
	"strings"

	"github.com/licensorhq/licensor/internal/api"
)

// The expected answers of the isolation matrix, written by hand from DESIGN.md's "Who may do
// what", apart from the handlers and from package policy's table.

// standing is where each actor stands towards each target organisation (absent: not reached):
//
//	member, admin         a member of the organisation itself: a client's, or a distributor's
//	                      own staff, who act on it as a client's do ("the vendor in the
//	                      distributor's place")
//	dist member, dist admin   a member of the distributor that manages the client
//	vendor                the vendor's staff, on another organisation
//	vendor org member, vendor org admin   the vendor's staff, on the vendor organisation
var standing = map[string]map[string]string{
	"vendoradmin": {"client1": "vendor", "client2": "vendor", "client3": "vendor",
		"dist1": "vendor", "dist2": "vendor", "vendor": "vendor org admin"},
	"vendormember": {"client1": "vendor", "client2": "vendor", "client3": "vendor",
		"dist1": "vendor", "dist2": "vendor", "vendor": "vendor org member"},
	"distadmin":    {"client1": "dist admin", "client2": "dist admin", "dist1": "admin"},
	"distmember":   {"client1": "dist member", "client2": "dist member", "dist1": "member"},
	"clientadmin":  {"client1": "admin"},
	"clientmember": {"client1": "member"},
	"twoorgs":      {"client1": "member", "client3": "admin"},
	"noterms":      {"client1": "admin"},
}

// reaches lists the organisations whose canaries each actor may see.
var reaches = map[string][]string{
	"vendoradmin":  {"vendor", "dist1", "dist2", "client1", "client2", "client3", "client4"},
	"vendormember": {"vendor", "dist1", "dist2", "client1", "client2", "client3", "client4"},
	"distadmin":    {"dist1", "client1", "client2"},
	"distmember":   {"dist1", "client1", "client2"},
	"clientadmin":  {"client1"}, "clientmember": {"client1"}, "noterms": {"client1"},
	"twoorgs": {"client1", "client3"},
	// The license key of a client1 license sees that license, named after client1's canary.
	"license_key": {"client1"},
}

// everyColumn is every standing.
var everyColumn = []string{"member", "admin", "dist member", "dist admin", "vendor",
	"vendor org member", "vendor org admin"}

// allowed is DESIGN.md's table: who holds each permission that names an organisation. On the
// vendor organisation, acting is for its admins; seeing it and its log is for all its staff.
var allowed = map[api.Permission][]string{
	api.OrgView:     everyColumn,
	api.LicenseView: everyColumn,
	api.OrgInvite: {"member", "admin", "dist member", "dist admin", "vendor",
		"vendor org admin"},
	api.OrgManageMembers: {"admin", "dist admin", "vendor", "vendor org admin"},
	api.OrgEdit:          {"admin", "dist member", "dist admin", "vendor", "vendor org admin"},
	api.OrgAudit: {"admin", "dist member", "dist admin", "vendor", "vendor org member",
		"vendor org admin"},
	api.LicenseKey:    {"admin", "dist member", "dist admin", "vendor", "vendor org admin"},
	api.LicenseManage: {"dist member", "dist admin", "vendor", "vendor org admin"},
	api.InvoiceManage: {"dist member", "dist admin", "vendor", "vendor org admin"},
	// Only the vendor moves a client to another distributor.
	api.OrgMove: {"vendor"},
	// A distributor's staff create its clients; the vendor's staff create any client.
	api.OrgCreateClient:      {"member", "admin", "vendor", "vendor org member", "vendor org admin"},
	api.OrgCreateDistributor: {"vendor org admin"},
}

// kinds limits a permission to organisations of these kinds: only a client has a distributor,
// only a distributor (or the vendor) has clients, only the vendor has distributors.
var kinds = map[api.Permission][]string{
	api.OrgMove:              {"client"},
	api.OrgCreateClient:      {"dist", "vendor"},
	api.OrgCreateDistributor: {"vendor"},
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

// ask is one permission a request needs, on the target organisation org ("" for none).
type ask struct {
	perm api.Permission
	org  string
	// openly: an organisation out of reach is refused as forbidden, not hidden as not found
	// (the vendor organisation, named by no path, whose existence is no secret).
	openly bool
}

// expect is what actor a must get from a request that needs asks, in the order checked.
func expect(a *actor, asks []ask) expectation {
	for _, k := range asks {
		if e := expectOne(a, k); e != admitted {
			return e
		}
	}
	return admitted
}

func expectOne(a *actor, k ask) expectation {
	signedIn := a.cookie != ""
	switch {
	case k.perm == api.Public:
		return admitted
	case !signedIn:
		return unauthorized
	case k.perm == api.SignedIn:
		return admitted
	case a.name == "noterms":
		return termsFirst
	case k.perm == api.Member:
		return admitted
	case k.perm == api.VendorAdmin:
		return pick(a.name == "vendoradmin", admitted, forbidden)
	case k.perm == api.VendorMember:
		return pick(strings.HasPrefix(a.name, "vendor"), admitted, forbidden)
	}
	cols, ok := allowed[k.perm]
	if !ok {
		return unknownPermErr
	}
	col := standing[a.name][k.org]
	kindOK := kinds[k.perm] == nil || slices.ContainsFunc(kinds[k.perm], func(p string) bool {
		return strings.HasPrefix(k.org, p)
	})
	switch {
	case col == "" && k.openly:
		return forbidden
	case col == "":
		return outOfReach
	case kindOK && slices.Contains(cols, col):
		return admitted
	}
	return forbidden
}

func pick[T any](cond bool, yes, no T) T {
	if cond {
		return yes
	}
	return no
}
