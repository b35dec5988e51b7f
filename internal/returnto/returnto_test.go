package returnto

import (
	"net/url"
	"strings"
	"testing"
)

func allowedURLs(t testing.TB) []*url.URL {
	t.Helper()
	var list []*url.URL
	for _, s := range []string{"https://good.example", "http://localhost:5173/ignored/path"} {
		u, err := url.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		list = append(list, u)
	}
	return list
}

func TestSafe(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw string
		ok  bool
	}{
		// The cases SECURITY.md lists.
		{"//evil.example", false},
		{"/\\evil.example", false},
		{"https://evil.example", false},
		{"https://good.example@evil.example", false},
		{"https://good.example.evil.example", false},
		{"javascript:alert(1)", false},
		{"/%2F%2Fevil.example", false},
		// Allowed.
		{"/", true},
		{"/licenses?x=1", true},
		{"/orgs/org_1/licenses#top", true},
		{"/a//b", true},
		{"/a/%2F%2Fb", true},
		{"https://good.example/path", true},
		{"https://good.example", true},
		{"https://GOOD.example/path?q=1#f", true},
		{"HTTPS://good.example/path", true},
		{"http://localhost:5173/licenses", true},
		// Other spellings of a foreign origin.
		{"", false},
		{"licenses", false},
		{"evil.example", false},
		{"///evil.example", false},
		{"/%2f%2fevil.example", false},
		{"/%252F%252Fevil.example", false},
		{"/%5Cevil.example", false},
		{"/%5cevil.example", false},
		{"/%09/evil.example", false},
		{"/\t/evil.example", false},
		{"/\n/evil.example", false},
		{"/\x00", false},
		{"/\u0085/evil.example", false},
		{" /licenses", false},
		{"/licenses ", false},
		{"/%zz", false},
		{"/\xff", false},
		{"\\\\evil.example", false},
		{"http://good.example/path", false},
		{"https://good.example:8443/path", false},
		{"https://good.example:443/path", false},
		{"http://localhost/licenses", false},
		{"https:good.example", false},
		{"https:/good.example", false},
		{"https:///good.example", false},
		{"https://good.example\\@evil.example", false},
		{"https://evil.example\\@good.example", false},
		{"https://evil.example#@good.example", false},
		{"https://evil.example?@good.example", false},
		{"https://good%2eexample/", false},
		{"https://good.example%2f@evil.example", false},
		{"https://user@good.example/", false},
		{"https://good.example./", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"JaVaScRiPt:alert(1)", false},
		{"/" + strings.Repeat("a", maxLen), false},
	}
	allowed := allowedURLs(t)
	for _, tt := range tests {
		got, ok := Safe(tt.raw, allowed)
		want := Home
		if tt.ok {
			want = tt.raw
		}
		if ok != tt.ok || got != want {
			t.Errorf("Safe(%q) = %q, %v; want %q, %v", tt.raw, got, ok, want, tt.ok)
		}
	}
}

func TestSafeNoAllowed(t *testing.T) {
	t.Parallel()
	if got, ok := Safe("https://good.example/", nil); ok || got != Home {
		t.Errorf("Safe with no allowed URLs = %q, %v; want %q, false", got, ok, Home)
	}
	if got, ok := Safe("/licenses", nil); !ok || got != "/licenses" {
		t.Errorf("Safe(/licenses) with no allowed URLs = %q, %v; want it kept", got, ok)
	}
}
