package mail

import (
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
)

// testTemplates is a kind made for the test, beside the layouts of the built-in set.
func testTemplates(t *testing.T) *Templates {
	t.Helper()
	fsys := fstest.MapFS{
		"greeting.txt": {Data: []byte(`{{define "subject"}}Hello {{.Name}}{{end}}
{{define "body"}}Hello {{.Name}},
open {{.Link}}{{end}}`)},
		"greeting.html": {Data: []byte(`{{define "subject"}}Hello {{.Name}}{{end}}
{{define "body"}}<p>Hello {{.Name}}, <a href="{{.Link}}">open</a></p>{{end}}`)},
	}
	for _, name := range []string{"layout.txt", "layout.html"} {
		b, err := templateFiles.ReadFile("templates/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	tpl, err := ParseTemplates(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

func TestRenderTestKind(t *testing.T) {
	t.Parallel()
	tpl := testTemplates(t)
	m, err := tpl.Render("greeting", map[string]any{
		"Name": `Ada <script>alert(1)</script>`, "Link": "https://portal.example/x#token=a+b"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, got, want string }{
		{"subject", m.Subject, "Hello Ada <script>alert(1)</script>"},
		{"text_name", m.Text, "Hello Ada <script>alert(1)</script>,\n"},
		{"text_link", m.Text, "open https://portal.example/x#token=a+b\n"},
		{"text_layout", m.Text, "\n--\nLicensor\n"},
		{"html_escaped", m.HTML, "Hello Ada &lt;script&gt;alert(1)&lt;/script&gt;,"},
		{"html_link", m.HTML, `href="https://portal.example/x#token=a&#43;b"`},
		{"html_layout", m.HTML, "<!DOCTYPE html>"},
		{"html_title", m.HTML, "<title>Hello Ada &lt;script&gt;"},
	}
	for _, tt := range tests {
		if !strings.Contains(tt.got, tt.want) {
			t.Errorf("%s: %q does not contain %q", tt.name, tt.got, tt.want)
		}
	}
	if m.Kind != "greeting" || strings.Contains(m.HTML, "<script>") {
		t.Errorf("kind %q, html %q", m.Kind, m.HTML)
	}
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	tpl := testTemplates(t)
	if _, err := tpl.Render("nope", nil); err == nil {
		t.Error("unknown kind: no error")
	}
	if _, err := tpl.Render("greeting", map[string]any{"Name": "Ada"}); err == nil {
		t.Error("missing key: no error")
	}
	if _, err := tpl.Render("greeting", struct{ Name string }{"Ada"}); err == nil {
		t.Error("missing field: no error")
	}
}

func TestParseTemplatesNeedsBothParts(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"layout.txt":  {Data: []byte(`{{define "layout"}}{{template "body" .}}{{end}}`)},
		"layout.html": {Data: []byte(`{{define "layout"}}{{template "body" .}}{{end}}`)},
		"lonely.txt":  {Data: []byte(`{{define "subject"}}x{{end}}{{define "body"}}x{{end}}`)},
	}
	if _, err := ParseTemplates(fsys); err == nil {
		t.Error("a kind without its HTML part parsed")
	}
}

func TestRenderNotice(t *testing.T) {
	t.Parallel()
	link := Link(mustURL(t, "https://portal.example/base/"), "/reset-password",
		url.Values{"token": {"tok_abc-_"}})
	m, err := Render(KindNotice, Notice{Subject: "Reset  your\npassword", Greeting: "Hello Ada,",
		Paragraphs: []string{"Someone asked to reset your password."},
		Action:     &Action{Label: "Choose a new password", URL: link}})
	if err != nil {
		t.Fatal(err)
	}
	want := "Hello Ada,\n\nSomeone asked to reset your password.\n\nChoose a new password:\n" +
		"https://portal.example/base/reset-password#token=tok_abc-_\n\n--\nLicensor\n"
	if m.Text != want || m.Subject != "Reset your password" {
		t.Errorf("subject %q text:\n%s\nwant:\n%s", m.Subject, m.Text, want)
	}
	if !strings.Contains(m.HTML, `<a href="https://portal.example/base/reset-password#token=tok_abc-_"`) {
		t.Errorf("html %s", m.HTML)
	}
}

func TestBuiltinKinds(t *testing.T) {
	t.Parallel()
	tpl, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tpl.Kinds(), ","); !strings.Contains(got, KindNotice) {
		t.Errorf("kinds %q", got)
	}
}

func TestLink(t *testing.T) {
	t.Parallel()
	tests := []struct{ base, path, want string }{
		{"https://p.example", "/x", "https://p.example/x#token=t"},
		{"https://p.example/", "x", "https://p.example/x#token=t"},
		{"http://localhost:8080/app?q=1#f", "/x", "http://localhost:8080/app/x#token=t"},
	}
	for _, tt := range tests {
		if got := Link(mustURL(t, tt.base), tt.path, url.Values{"token": {"t"}}); got != tt.want {
			t.Errorf("Link(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
