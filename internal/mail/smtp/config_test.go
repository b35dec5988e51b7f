package smtp

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, url string
		want      Config
		err       string
	}{
		{"smtp", "smtp://mail.example.com", Config{Host: "mail.example.com", Port: 587}, ""},
		{"smtp_port", "smtp://127.0.0.1:1025", Config{Host: "127.0.0.1", Port: 1025}, ""},
		{"smtps", "smtps://mail.example.com",
			Config{Host: "mail.example.com", Port: 465, ImplicitTLS: true}, ""},
		{"upper_scheme", "SMTPS://h:2465", Config{Host: "h", Port: 2465, ImplicitTLS: true}, ""},
		{"user_pass", "smtp://ada:s%40cret%3A1@h:25",
			Config{Host: "h", Port: 25, Username: "ada", Password: "s@cret:1"}, ""},
		{"user_only", "smtp://ada@h", Config{Host: "h", Port: 587, Username: "ada"}, ""},
		{"ipv6", "smtp://[::1]:25", Config{Host: "::1", Port: 25}, ""},
		{"trailing_slash", "smtp://h/", Config{Host: "h", Port: 587}, ""},
		{"bad_scheme", "http://h:25", Config{}, "scheme"},
		{"no_scheme", "mail.example.com:25", Config{}, "scheme"},
		{"empty", "", Config{}, "scheme"},
		{"no_host", "smtp://:25", Config{}, "no host"},
		{"opaque", "smtp:h", Config{}, "no host"},
		{"bad_port", "smtp://h:0", Config{}, "port"},
		{"path", "smtp://h/x", Config{}, "path"},
		{"query", "smtp://h?tls=no", Config{}, "query"},
		{"bad_url", "smtp://u:p@h:x", Config{}, "invalid port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseURL(tt.url)
			checkErr(t, err, tt.err)
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreUnexported(Config{})); diff != "" {
				t.Errorf("ParseURL(%q) (-want +got):\n%s", tt.url, diff)
			}
		})
	}
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("error %v, want none", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Fatalf("error %v, want one saying %q", err, want)
	}
}

func TestParseURLKeepsPasswordOutOfErrors(t *testing.T) {
	t.Parallel()
	_, err := ParseURL("smtp://ada:hunter2secret@h:bad")
	if err == nil || strings.Contains(err.Error(), "hunter2secret") {
		t.Fatalf("error %v must exist and not show the password", err)
	}
}

func TestRedacted(t *testing.T) {
	t.Parallel()
	c, err := ParseURL("smtps://ada:hunter2@mail.example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Redacted(), "smtps://ada:xxxxx@mail.example.com:465"; got != want {
		t.Errorf("Redacted() = %q, want %q", got, want)
	}
}

func TestLocal(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{
		"localhost": true, "127.0.0.1": true, "127.1.2.3": true, "::1": true,
		"mail.example.com": false, "10.0.0.1": false, "localhost.example.com": false,
	} {
		if got := (Config{Host: host}).local(); got != want {
			t.Errorf("local(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestFromURL(t *testing.T) {
	t.Parallel()
	if _, err := FromURL("smtp://h", ""); err == nil {
		t.Error("FromURL without a sender address: no error")
	}
	if _, err := FromURL("smtp://h", "not an address"); err == nil {
		t.Error("FromURL with a bad sender address: no error")
	}
	s, err := FromURL("smtp://h", "Licensor <portal@example.com>")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Config().From.Address; got != "portal@example.com" {
		t.Errorf("From = %q", got)
	}
}
