package returnto

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzSafe holds that whatever Safe accepts as a path stays on the portal's origin once
// resolved, that whatever it accepts as an absolute URL has an allowed scheme and host, and that
// whatever it refuses becomes Home.
func FuzzSafe(f *testing.F) {
	for _, s := range []string{"/licenses?x=1", "//evil.example", "/\\evil.example",
		"/%2F%2Fevil.example", "https://good.example/path", "https://good.example@evil.example",
		"javascript:alert(1)", "/%252F", "http://localhost:5173/x"} {
		f.Add(s)
	}
	portal := &url.URL{Scheme: "https", Host: "portal.example"}
	allowed := allowedURLs(f)
	f.Fuzz(func(t *testing.T, raw string) {
		got, ok := Safe(raw, allowed)
		switch {
		case !ok:
			if got != Home {
				t.Fatalf("Safe(%q) refused it but returned %q", raw, got)
			}
		case got != raw:
			t.Fatalf("Safe(%q) accepted it but returned %q", raw, got)
		case strings.HasPrefix(got, "/"):
			checkPath(t, portal, got)
		default:
			checkAbsolute(t, allowed, got)
		}
	})
}

func checkPath(t *testing.T, portal *url.URL, got string) {
	t.Helper()
	ref, err := url.Parse(got)
	if err != nil {
		t.Fatalf("accepted path %q does not parse: %v", got, err)
	}
	if u := portal.ResolveReference(ref); u.Scheme != "https" || u.Host != "portal.example" {
		t.Fatalf("accepted path %q resolves to %s", got, u)
	}
	if strings.HasPrefix(got, "//") || strings.ContainsAny(got, "\\\t\r\n") {
		t.Fatalf("accepted path %q has a character a browser reinterprets", got)
	}
}

func checkAbsolute(t *testing.T, allowed []*url.URL, got string) {
	t.Helper()
	u, err := url.Parse(got)
	if err != nil {
		t.Fatalf("accepted URL %q does not parse: %v", got, err)
	}
	for _, a := range allowed {
		if u.Scheme == a.Scheme && strings.EqualFold(u.Host, a.Host) && u.User == nil {
			return
		}
	}
	t.Fatalf("accepted URL %q has scheme %q and host %q, not an allowed one", got, u.Scheme, u.Host)
}
