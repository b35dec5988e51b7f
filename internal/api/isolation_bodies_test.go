package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/api"
)

// The ids of nothing, one of each kind.
const (
	noOrg        = "org_01qdg0h6x8nothingnothing00"
	noUser       = "usr_01qdg0h6x8nothingnothing00"
	noInvitation = "ivt_01qdg0h6x8nothingnothing00"
	noLicense    = "lic_01qdg0h6x8nothingnothing00"
	noSession    = "ses_01qdg0h6x8nothingnothing00"
	// junkToken is a mailed token that was never issued.
	junkToken = "bm90IGEgdG9rZW4gdGhhdCB3YXMgZXZlciBpc3N1ZWQ"
)

// variant is one body of a route, with what it asks beyond the route's permission (on the
// same organisation).
type variant struct {
	// suffix tells the variant's targets apart ("" for the first).
	suffix string
	// body is the body that actor a sends to organisation orgName; nil sends none.
	body func(m *matrix, a *actor, orgName string) any
	asks []api.Permission
	late bool
}

// bodyFor returns v's body for orgName, nil when v sends none.
func (v variant) bodyFor(m *matrix, orgName string) func(*actor) any {
	if v.body == nil {
		return nil
	}
	return func(a *actor) any { return v.body(m, a, orgName) }
}

func send(b any) func(*matrix, *actor, string) any {
	return func(*matrix, *actor, string) any { return b }
}

// variants are valid bodies of each route that takes one, so that a refusal is the policy's and
// not the validation's. A mutation missing here fails the matrix until it is taught its body;
// one that takes none is listed with a variant without body.
var variants = map[string][]variant{
	"POST /api/v1/session": {{body: send(map[string]string{
		"email": "clientadmin@example.com", "password": "not the password"})}},
	"DELETE /api/v1/session": {{}},
	"POST /api/v1/password-resets": {{body: send(map[string]string{
		"email": "clientmember@example.com"})}},
	"POST /api/v1/password-resets/confirm": {{body: send(map[string]string{
		"token": junkToken, "password": "a long enough password"})}},
	"PATCH /api/v1/me": {{body: func(_ *matrix, a *actor, _ string) any {
		return map[string]string{"name": "Renamed " + a.name}
	}}},
	"POST /api/v1/me/password": {{body: send(map[string]string{
		"current_password": "not the password", "new_password": "another fine password"})}},
	"POST /api/v1/me/email": {{body: func(_ *matrix, a *actor, _ string) any {
		return map[string]string{"new_email": "new-" + a.name + "@example.org",
			"current_password": "not the password"}
	}}},
	"POST /api/v1/me/email/confirm":   {{body: send(map[string]string{"token": junkToken})}},
	"DELETE /api/v1/me/sessions":      {{}},
	"DELETE /api/v1/me/sessions/{id}": {{}},
	"POST /api/v1/setup/preview":      {{body: send(map[string]string{"token": junkToken})}},
	"POST /api/v1/setup": {{body: send(map[string]string{"token": junkToken,
		"email": "first@example.org", "name": "First", "password": "a long enough password"})}},
	"POST /api/v1/terms":    {{body: send(map[string]string{"text": "The terms, again."})}},
	"POST /api/v1/me/terms": {{body: send(map[string]int{"version": 1})}},
	"PATCH /api/v1/orgs/{org}": {
		{body: func(_ *matrix, a *actor, _ string) any {
			return map[string]string{"name": "Renamed by " + a.name,
				"billing_email": "billing@example.org"}
		}},
		// A move to the other distributor; admitted, it changes who reaches the client.
		{suffix: " move", asks: []api.Permission{api.OrgMove}, late: true,
			body: func(m *matrix, _ *actor, orgName string) any {
				return map[string]string{"distributor_id": m.orgID(
					pick(orgName == "client3" || orgName == "dist2", "dist1", "dist2"))}
			}}},
	"PATCH /api/v1/orgs/{org}/members/{user}":  {{body: send(map[string]string{"role": "admin"})}},
	"DELETE /api/v1/orgs/{org}/members/{user}": {{}},
	"POST /api/v1/orgs/{org}/invitations": {
		{body: invitee("member")},
		{suffix: " admin", body: invitee("admin"), asks: []api.Permission{api.OrgManageMembers}}},
	"DELETE /api/v1/orgs/{org}/invitations/{id}":      {{}},
	"POST /api/v1/orgs/{org}/invitations/{id}/resend": {{}},
	"POST /api/v1/invitations/preview":                {{body: send(map[string]string{"token": junkToken})}},
	"POST /api/v1/invitations/accept": {{body: send(map[string]any{"token": junkToken,
		"name": "Newcomer", "password": "a long enough password", "terms_version": 1})}},
	"POST /api/v1/license/validate": {{}},
	"POST /api/v1/orgs/{org}/licenses": {{body: func(_ *matrix, a *actor, _ string) any {
		return map[string]any{"name": "License by " + a.name, "prepaid_cores": 4,
			"core_price": 100, "extra_core_price": 150, "currency": "EUR",
			"starts_on": "2030-01-01"}
	}}},
	"POST /api/v1/orgs/{org}/licenses/suspend":   {{}},
	"POST /api/v1/orgs/{org}/licenses/reinstate": {{}},
	"PATCH /api/v1/licenses/{id}":                {{body: send(map[string]int{"prepaid_cores": 8})}},
	"POST /api/v1/licenses/{id}/key":             {{}},
}

// invitee is the body of an invitation with role, to an address of its sender's name.
func invitee(role string) func(*matrix, *actor, string) any {
	return func(_ *matrix, a *actor, _ string) any {
		return map[string]string{"email": "invitee-" + a.name + "@example.org", "role": role}
	}
}

// variantsOf returns the variants of rt: a route that reads nothing from its body has one
// without body.
func (m *matrix) variantsOf(t *testing.T, rt api.Route) []variant {
	t.Helper()
	if vs, ok := variants[rt.MuxPattern()]; ok {
		return vs
	}
	if rt.Method != http.MethodGet {
		t.Fatalf("the isolation matrix has no valid body for %s: teach variants",
			rt.MuxPattern())
	}
	return []variant{{}}
}

// orgID is the id of the target organisation named name, or of nothing.
func (m *matrix) orgID(name string) string {
	if o, ok := m.named[name]; ok {
		return o.ID
	}
	return noOrg
}

// objectOf is the object of orgName that pattern's last parameter names: a member, a pending
// invitation or a license ("" for a pattern that names none).
func (m *matrix) objectOf(pattern, orgName string) string {
	orgID := m.orgID(orgName)
	switch {
	case strings.Contains(pattern, "{user}"):
		members := map[string]*actor{"client1": m.clientMember, "client2": m.client2Admin,
			"client3": m.client3Admin, "dist1": m.distMember, "dist2": m.dist2Admin,
			"vendor": m.vendorMember}
		if a, ok := members[orgName]; ok {
			return a.user.ID
		}
		return noUser
	case strings.Contains(pattern, "/invitations/{id}"):
		return pick2(m.invites[orgID], noInvitation)
	case strings.Contains(pattern, "/licenses/{id}"):
		return pick2(m.licenseIDs[orgID], noLicense)
	}
	return ""
}

// fill replaces the path parameters of pattern: {org} with orgName's id, {user} and {id} with
// object, {version} with the first version of the terms.
func (m *matrix) fill(t *testing.T, pattern, orgName, object string) string {
	t.Helper()
	out := strings.NewReplacer("{org}", m.orgID(orgName), "{user}", object, "{id}", object,
		"{version}", "1").Replace(pattern)
	if strings.Contains(out, "{") || strings.Contains(out, "//") {
		t.Fatalf("the isolation matrix cannot fill the parameters of %s (got %s): teach fill",
			pattern, out)
	}
	return out
}
