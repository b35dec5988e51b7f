package session_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/licensorhq/licensor/internal/session"
)

func TestCookieFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		public string
		name   string
		secure bool
		fails  bool
	}{
		{"https://portal.example", session.SecureCookieName, true, false},
		{"https://localhost:8443", session.SecureCookieName, true, false},
		{"http://localhost:8080", session.LocalCookieName, false, false},
		{"http://127.0.0.1:9000", session.LocalCookieName, false, false},
		{"http://[::1]:9000", session.LocalCookieName, false, false},
		{"http://portal.example", "", false, true},
		{"http://10.0.0.1", "", false, true},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.public)
		c, err := session.CookieFor(u)
		if (err != nil) != tt.fails || c.Name != tt.name || c.Secure != tt.secure {
			t.Errorf("CookieFor(%s) = %+v, %v", tt.public, c, err)
		}
	}
}

func TestCookieAttributes(t *testing.T) {
	t.Parallel()
	c := session.Cookie{Name: session.SecureCookieName, Secure: true}
	w := httptest.NewRecorder()
	c.Set(w, "value")
	got := w.Result().Cookies()
	if len(got) != 1 {
		t.Fatalf("cookies %v", got)
	}
	ck := got[0]
	if ck.Name != session.SecureCookieName || ck.Value != "value" || !ck.Secure ||
		!ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" ||
		ck.Domain != "" || ck.MaxAge != 0 {
		t.Errorf("cookie %+v", ck)
	}
	w = httptest.NewRecorder()
	c.Clear(w)
	if ck := w.Result().Cookies()[0]; ck.MaxAge >= 0 || ck.Value != "" {
		t.Errorf("cleared cookie %+v", ck)
	}
}

func TestBrowser(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
			"Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0": "Edge on Windows",
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) " +
			"Version/17.5 Safari/605.1.15": "Safari on macOS",
		"Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36": "Chrome on Android",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1":                  "Safari on iOS",
		"curl/8.5.0": "curl",
		"":           "Unknown browser",
		"<script>":   "Unknown browser",
	}
	for ua, want := range tests {
		if got := session.Browser(ua); got != want {
			t.Errorf("Browser(%q) = %q, want %q", ua, got, want)
		}
	}
}
