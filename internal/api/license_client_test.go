package api_test

import (
	"errors"
	"testing"

	"github.com/licensorhq/licensor/client"
)

// TestLicenseThroughClient validates through the Go client of the licensed software, end to
// end: a valid key, a suspended license, a replaced key.
func TestLicenseThroughClient(t *testing.T) {
	t.Parallel()
	e := newLicEnv(t)
	c := e.createLicense(t)
	v, err := client.New(e.srv.URL, c.Key).Validate(t.Context())
	if err != nil || !v.Valid || v.Code != client.Valid || v.License.ID != c.ID ||
		v.License.OrgName != "Client One" || v.License.PrepaidCores != 16 {
		t.Fatalf("Validate = %+v, %v", v, err)
	}
	e.call(t, "dist_member", "PATCH", "/api/v1/licenses/"+c.ID, `{"status":"suspended"}`).
		want(t, 200, "")
	if v, err := client.New(e.srv.URL, c.Key).Validate(t.Context()); err != nil ||
		v.Valid || v.Code != client.Suspended {
		t.Errorf("suspended: Validate = %+v, %v", v, err)
	}
	e.call(t, "client_admin", "POST", "/api/v1/licenses/"+c.ID+"/key", "").want(t, 200, "")
	_, err = client.New(e.srv.URL, c.Key).Validate(t.Context())
	var pe *client.Error
	if !errors.Is(err, client.ErrInvalidKey) || !errors.As(err, &pe) || pe.Status != 401 {
		t.Errorf("replaced key: %v; want ErrInvalidKey", err)
	}
}
