package api_test

import (
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/licensekey"
)

// validation is the answer of the validation route.
type validation struct {
	Valid   bool
	Code    string
	License struct {
		ID             string
		OrgName        string `json:"org_name"`
		PrepaidCores   int64  `json:"prepaid_cores"`
		StartsOn       string `json:"starts_on"`
		EndsOn         string `json:"ends_on"`
		Status         string
		CurrentCores   *int64 `json:"current_cores"`
		MonthPeakCores *int64 `json:"month_peak_cores"`
	}
}

func TestLicenseCreateAndValidate(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	if licensekey.Parse(c.Key) != nil || c.KeyLast4 != c.Key[len(c.Key)-4:] {
		t.Fatalf("created %+v", c)
	}
	got := e.validate(t, "License "+c.Key)
	got.want(t, 200, "")
	var v validation
	got.decode(t, &v)
	if !v.Valid || v.Code != "VALID" || v.License.ID != c.ID || v.License.OrgName != "Client One" ||
		v.License.PrepaidCores != 16 || v.License.StartsOn != "2026-01-01" ||
		v.License.EndsOn != "2026-12-31" || v.License.Status != "active" ||
		v.License.CurrentCores == nil || v.License.MonthPeakCores == nil {
		t.Errorf("validation %s", got.body)
	}
	// The key is shown once: never again by a read or a list.
	for _, path := range []string{"/api/v1/licenses/" + c.ID, "/api/v1/orgs/" + e.client.ID +
		"/licenses"} {
		read := e.call(t, "client_member", "GET", path, "")
		read.want(t, 200, "")
		if strings.Contains(read.body, c.Key) || strings.Contains(read.body, `"key"`) {
			t.Errorf("GET %s shows the key: %s", path, read.body)
		}
		if !strings.Contains(read.body, `"key_last4":"`+c.KeyLast4+`"`) {
			t.Errorf("GET %s lacks the last 4: %s", path, read.body)
		}
	}
}

func TestLicenseValidateRefusals(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	unknown, _ := licensekey.Generate()
	tests := []struct{ name, header string }{
		{"none", ""},
		{"other_scheme", "Bearer " + c.Key},
		{"bad_checksum", "License " + c.Key[:len(c.Key)-1] + swap(c.Key[len(c.Key)-1])},
		{"junk", "License hello"},
		{"unknown", "License " + unknown.Reveal()},
	}
	for _, tt := range tests {
		got := e.validate(t, tt.header)
		got.want(t, 401, api.CodeInvalidLicenseKey)
		if got.header.Get("WWW-Authenticate") != "License" {
			t.Errorf("%s: WWW-Authenticate %q", tt.name, got.header.Get("WWW-Authenticate"))
		}
	}
	// A key is its own principal: it opens no other route.
	req := e.call(t, "", "GET", "/api/v1/licenses/"+c.ID, "")
	req.want(t, 401, api.CodeUnauthenticated)
}

func swap(c byte) string {
	if c == 'x' {
		return "y"
	}
	return "x"
}

// TestLicenseValidateThrottle: unknown keys take tokens of the IP's bucket in the store
// (keyBurst of them); malformed ones take tokens of a bucket of their own, in memory, leaving
// the store's alone; once out of tokens the address is refused, even with a good key.
func TestLicenseValidateThrottle(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	for range keyBurst {
		e.validate(t, "License junk").want(t, 401, api.CodeInvalidLicenseKey)
	}
	for range keyBurst {
		unknown, _ := licensekey.Generate()
		e.validate(t, "License "+unknown.Reveal()).want(t, 401, api.CodeInvalidLicenseKey)
	}
	unknown, _ := licensekey.Generate()
	got := e.validate(t, "License "+unknown.Reveal())
	got.want(t, 429, api.CodeRateLimited)
	if got.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	e.validate(t, "License "+c.Key).want(t, 429, api.CodeRateLimited)
}

// TestLicenseValidateThrottleMalformed: malformed keys alone get an address refused too.
func TestLicenseValidateThrottleMalformed(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	refused := []string{"License junk", "Bearer x", "", "License " + c.Key[:len(c.Key)-1]}
	for _, h := range refused[:keyBurst] {
		e.validate(t, h).want(t, 401, api.CodeInvalidLicenseKey)
	}
	got := e.validate(t, "License junk")
	got.want(t, 429, api.CodeRateLimited)
	if got.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	e.validate(t, "License "+c.Key).want(t, 429, api.CodeRateLimited)
}

func TestLicenseSuspendedKey(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	e.call(t, "dist_member", "PATCH", "/api/v1/licenses/"+c.ID, `{"status":"suspended"}`).
		want(t, 200, "")
	var v validation
	got := e.validate(t, "License "+c.Key)
	got.want(t, 200, "")
	got.decode(t, &v)
	if v.Valid || v.Code != "SUSPENDED" || v.License.Status != "suspended" {
		t.Errorf("suspended license validates %s", got.body)
	}
}

func TestLicenseSuspendOrg(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	base := "/api/v1/orgs/" + e.client.ID + "/licenses/"
	e.call(t, "client_admin", "POST", base+"suspend", "").want(t, 403, api.CodeForbidden)
	got := e.call(t, "vendor_member", "POST", base+"suspend", "")
	got.want(t, 200, "")
	if got.body != `{"suspended":true,"changed":1}`+"\n" {
		t.Errorf("suspend answered %s", got.body)
	}
	var v validation
	e.validate(t, "License "+c.Key).decode(t, &v)
	if v.Code != "SUSPENDED" {
		t.Errorf("after suspending the organisation: %s", v.Code)
	}
	e.call(t, "dist_member", "POST", base+"reinstate", "").want(t, 200, "")
	e.validate(t, "License "+c.Key).decode(t, &v)
	if v.Code != "VALID" {
		t.Errorf("after reinstating the organisation: %s", v.Code)
	}
}

func TestLicenseRegenerate(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	path := "/api/v1/licenses/" + c.ID + "/key"
	e.call(t, "client_member", "POST", path, "").want(t, 403, api.CodeForbidden)
	got := e.call(t, "client_admin", "POST", path, "")
	got.want(t, 200, "")
	var fresh created
	got.decode(t, &fresh)
	if fresh.ID != c.ID || licensekey.Parse(fresh.Key) != nil || fresh.Key == c.Key {
		t.Fatalf("regenerated %s", got.body)
	}
	e.validate(t, "License "+c.Key).want(t, 401, api.CodeInvalidLicenseKey)
	e.validate(t, "License "+fresh.Key).want(t, 200, "")
}

func TestLicenseBadInput(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	base := "/api/v1/orgs/" + e.client.ID + "/licenses"
	tests := []struct{ name, method, path, body, field string }{
		{"zero_cores", "POST", base, strings.Replace(licenseBody, `:16`, `:0`, 1), "prepaid_cores"},
		{"negative_cores", "POST", base, strings.Replace(licenseBody, `:16`, `:-2`, 1),
			"prepaid_cores"},
		{"fraction_cores", "POST", base, strings.Replace(licenseBody, `:16`, `:1.5`, 1),
			"prepaid_cores"},
		{"negative_price", "POST", base, strings.Replace(licenseBody, `:1200`, `:-1`, 1),
			"core_price"},
		{"unknown_currency", "POST", base, strings.Replace(licenseBody, `EUR`, `EUX`, 1),
			"currency"},
		{"end_before_start", "POST", base, strings.Replace(licenseBody, `2026-12-31`,
			`2025-12-31`, 1), "ends_on"},
		{"missing_price", "POST", base, `{"name":"x","prepaid_cores":1,"extra_core_price":1,` +
			`"currency":"EUR","starts_on":"2026-01-01"}`, "core_price"},
		{"unknown_field", "POST", base, strings.Replace(licenseBody, `{`, `{"key":"x",`, 1), "key"},
		{"patch_zero_cores", "PATCH", "/api/v1/licenses/" + c.ID, `{"prepaid_cores":0}`,
			"prepaid_cores"},
		{"patch_negative_extra", "PATCH", "/api/v1/licenses/" + c.ID,
			`{"extra_core_price":-10}`, "extra_core_price"},
		{"patch_status", "PATCH", "/api/v1/licenses/" + c.ID, `{"status":"gone"}`, "status"},
	}
	before := e.call(t, "dist_member", "GET", base, "").body
	for _, tt := range tests {
		got := e.call(t, "dist_member", tt.method, tt.path, tt.body)
		got.want(t, 400, api.CodeValidationFailed)
		if !strings.Contains(got.body, `"field":"`+tt.field+`"`) {
			t.Errorf("%s: %s does not name %s", tt.name, got.body, tt.field)
		}
	}
	if after := e.call(t, "dist_member", "GET", base, "").body; after != before {
		t.Errorf("refused requests changed the licenses:\n%s\n%s", before, after)
	}
}

// TestLicenseOfVendorRefused: licenses are for clients and distributors; the vendor's staff
// asking for one of the vendor organisation get a conflict, and nothing is made.
func TestLicenseOfVendorRefused(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	path := "/api/v1/orgs/" + e.vendor.ID + "/licenses"
	e.call(t, "vendor_admin", "POST", path, licenseBody).want(t, 409, api.CodeConflict)
	if got := e.call(t, "vendor_admin", "GET", path, "").body; got != `{"items":[]}`+"\n" {
		t.Errorf("the vendor's licenses after the refusal: %s", got)
	}
}

// TestLicenseReach checks who may do what on licenses, and that a license out of reach answers
// exactly as one that does not exist.
func TestLicenseReach(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	lic := "/api/v1/licenses/" + c.ID
	missing := "/api/v1/licenses/" + id.New(id.License, e.client.CreatedAt)
	tests := []struct {
		actor, method, path, body string
		status                    int
	}{
		{"client_member", "GET", lic, "", 200},
		{"client_admin", "POST", "/api/v1/orgs/" + e.client.ID + "/licenses", licenseBody, 403},
		{"client_admin", "PATCH", lic, `{"name":"x"}`, 403},
		{"vendor_member", "PATCH", lic, `{"name":"Renamed"}`, 200},
		{"vendor_member", "POST", "/api/v1/orgs/" + e.otherClient.ID + "/licenses", licenseBody,
			201},
		{"other_dist_admin", "GET", lic, "", 404},
		{"other_dist_admin", "PATCH", lic, `{"name":"x"}`, 404},
		{"other_dist_admin", "POST", lic + "/key", "", 404},
		{"other_dist_admin", "GET", "/api/v1/orgs/" + e.client.ID + "/licenses", "", 404},
		{"dist_member", "GET", missing, "", 404},
		{"dist_member", "GET", "/api/v1/licenses/lic_junk", "", 404},
		{"", "GET", lic, "", 401},
	}
	var notFound string
	for _, tt := range tests {
		got := e.call(t, tt.actor, tt.method, tt.path, tt.body)
		if got.status != tt.status {
			t.Errorf("%s %s %s = %d %s; want %d", tt.actor, tt.method, tt.path, got.status,
				got.body, tt.status)
		}
		if got.status == 404 {
			body := stripRequestID(got.body)
			if notFound == "" {
				notFound = body
			} else if body != notFound {
				t.Errorf("404 bodies differ:\n%s\n%s", notFound, body)
			}
		}
	}
}

func stripRequestID(body string) string {
	i := strings.Index(body, `"request_id":"`)
	if i < 0 {
		return body
	}
	j := strings.Index(body[i+14:], `"`)
	return body[:i] + body[i+14+j:]
}

func TestLicenseNamesWhoCreatedAndChangedIt(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	path := "/api/v1/licenses/" + c.ID
	type named struct {
		CreatedByName string `json:"created_by_name"`
		UpdatedByName string `json:"updated_by_name"`
	}
	var first named
	e.call(t, "dist_member", "GET", path, "").decode(t, &first)
	if first.CreatedByName != "dist_member" || first.UpdatedByName != "dist_member" {
		t.Errorf("names %+v of a new license", first)
	}
	changed := e.call(t, "vendor_admin", "PATCH", path, `{"prepaid_cores": 20}`)
	changed.want(t, 200, "")
	read := e.call(t, "client_member", "GET", path, "")
	read.want(t, 200, "")
	key := e.call(t, "client_admin", "POST", path+"/key", "")
	key.want(t, 200, "")
	for _, got := range []licAnswer{changed, read} {
		var n named
		got.decode(t, &n)
		if n.CreatedByName != "dist_member" || n.UpdatedByName != "vendor_admin" {
			t.Errorf("names %+v in %s", n, got.body)
		}
	}
	var n named
	key.decode(t, &n)
	if n.CreatedByName != "dist_member" || n.UpdatedByName != "client_admin" {
		t.Errorf("names %+v after a new key by client_admin", n)
	}
}
