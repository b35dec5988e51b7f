package api

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/licensekey"
)

// exampleKey is a well-formed key (its checksum holds), as docs/licenses.md shows it.
const exampleKey = "lic_7Hq2Vx9KmP3sLd8RtY4wNc6ZbF1gJe3Gw7Il"

// FuzzLicenseKeyHeader holds that reading the key of an Authorization header never panics,
// takes a key only from the License scheme (any case) followed by a space, trims the spaces
// around it, and that licensekey.Parse accepts what it takes only when it is a well-formed key.
func FuzzLicenseKeyHeader(f *testing.F) {
	for _, h := range []string{"License " + exampleKey, "license   " + exampleKey + "  ",
		"LICENSE " + exampleKey[:39] + "m", "Bearer " + exampleKey, "License", "License ",
		"License\t" + exampleKey, "Licensee " + exampleKey, "", " License x", "License a b",
		"License lic_\x00\xff" + strings.Repeat("0", 36)} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		r := httptest.NewRequest("POST", "/api/v1/license/validate", nil)
		r.Header.Set("Authorization", h)
		key := licenseKey(r)
		if key != strings.TrimSpace(key) {
			t.Fatalf("licenseKey(%q) = %q, with spaces around", h, key)
		}
		scheme, rest, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, LicenseScheme) {
			if key != "" {
				t.Fatalf("licenseKey(%q) = %q; want none outside the License scheme", h, key)
			}
			return
		}
		if key != strings.TrimSpace(rest) {
			t.Fatalf("licenseKey(%q) = %q; want %q", h, key, strings.TrimSpace(rest))
		}
		if licensekey.Parse(key) == nil && (len(key) != licensekey.Len ||
			!strings.HasPrefix(key, licensekey.Prefix) || strings.ContainsAny(key, " \t\x00")) {
			t.Fatalf("Parse accepted %q from %q", key, h)
		}
	})
}

func TestExampleKeyWellFormed(t *testing.T) {
	if err := licensekey.Parse(exampleKey); err != nil {
		t.Fatalf("the example key %s: %v", exampleKey, err)
	}
}
