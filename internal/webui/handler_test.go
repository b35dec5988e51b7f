package webui

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

const (
	testIndex = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12.js">` +
		`</script></head><body><div id="root"></div></body></html>`
	testScript = "console.log('the shell');\n"
)

// builtUI is laid out as Vite builds web/, with the placeholder left beside it.
func builtUI() fstest.MapFS {
	return fstest.MapFS{
		"index.html":            {Data: []byte(testIndex)},
		"assets/index-Ab12.js":  {Data: []byte(strings.Repeat(testScript, 100))},
		"assets/index-Cd34.css": {Data: []byte("body{margin:0}")},
		"favicon.svg":           {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		".gitkeep":              {Data: []byte("placeholder")},
	}
}

// want is what one answer must hold; an empty field is not checked.
type want struct {
	status int
	body   string // a part of the body
	cache  string
	ctype  string
	csp    bool
}

func TestHandlerBuilt(t *testing.T) {
	t.Parallel()
	h := newHandler(t, builtUI())
	index := want{http.StatusOK, `<div id="root">`, cacheRevalidate, "text/html", true}
	tests := []struct {
		name, method, path string
		want               want
	}{
		{"root", "GET", "/", index},
		{"index", "GET", "/index.html", index},
		{"deep_link", "GET", "/some/deep/path", index},
		{"dot_file_hidden", "GET", "/.gitkeep", index},
		{"dot_dot_cleaned", "GET", "/a/../../index.html", index},
		{"asset", "GET", "/assets/index-Ab12.js", want{200, testScript, cacheImmutable,
			"text/javascript", false}},
		{"css", "GET", "/assets/index-Cd34.css", want{200, "margin", cacheImmutable, "text/css",
			false}},
		{"root_file", "GET", "/favicon.svg", want{200, "<svg", cacheRevalidate, "image/svg+xml",
			false}},
		{"missing_asset", "GET", "/assets/nope.js", want{status: 404}},
		{"assets_dir", "GET", "/assets", want{status: 404}},
		{"assets_dir_slash", "GET", "/assets/", want{status: 404}},
		{"api", "GET", "/api", want{status: 404}},
		{"api_path", "GET", "/api/v1/nothing", want{status: 404}},
		{"head", "HEAD", "/", want{200, "", cacheRevalidate, "text/html", true}},
		{"post", "POST", "/", want{status: 405}},
		{"delete_asset", "DELETE", "/assets/index-Ab12.js", want{status: 405}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			check(t, serve(h, httptest.NewRequest(tt.method, tt.path, nil)), tt.want)
		})
	}
}

func TestHandlerPlaceholder(t *testing.T) {
	t.Parallel()
	h := newHandler(t, fstest.MapFS{".gitkeep": {Data: []byte("placeholder")}})
	page := want{http.StatusOK, "make web", cacheRevalidate, "text/html", true}
	tests := []struct {
		name, path string
		want       want
	}{
		{"root", "/", page},
		{"deep_link", "/orgs/org_1", page},
		{"index", "/index.html", page},
		{"asset", "/assets/index-Ab12.js", want{status: 404}},
		{"api", "/api/v1/me", want{status: 404}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			check(t, serve(h, httptest.NewRequest("GET", tt.path, nil)), tt.want)
		})
	}
}

func newHandler(t *testing.T, fsys fstest.MapFS) http.Handler {
	t.Helper()
	h, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func serve(h http.Handler, r *http.Request) *http.Response {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec.Result()
}

func check(t *testing.T, res *http.Response, w want) {
	t.Helper()
	body := readBody(t, res)
	if res.StatusCode != w.status {
		t.Fatalf("status = %d, want %d; body %q", res.StatusCode, w.status, body)
	}
	if !strings.Contains(body, w.body) {
		t.Errorf("body %q does not hold %q", body, w.body)
	}
	if got := res.Header.Get("Cache-Control"); w.cache != "" && got != w.cache {
		t.Errorf("Cache-Control = %q, want %q", got, w.cache)
	}
	if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, w.ctype) {
		t.Errorf("Content-Type = %q, want %q", got, w.ctype)
	}
	if got := res.Header.Get("Content-Security-Policy"); w.csp != (got == ContentSecurityPolicy) {
		t.Errorf("Content-Security-Policy = %q, want it set: %v", got, w.csp)
	}
}

func readBody(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	r := io.Reader(res.Body)
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatalf("read gzip body: %v", err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return string(b)
}

func TestHandlerCompressesAndRevalidates(t *testing.T) {
	t.Parallel()
	h := newHandler(t, builtUI())
	script := strings.Repeat(testScript, 100)
	tests := []struct {
		name, path, encoding string
		gzipped              bool
	}{
		{"gzip", "/assets/index-Ab12.js", "br, gzip", true},
		{"gzip_refused", "/assets/index-Ab12.js", "gzip;q=0, br", false},
		{"identity", "/assets/index-Ab12.js", "", false},
		{"too_small", "/assets/index-Cd34.css", "gzip", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest("GET", tt.path, nil)
			r.Header.Set("Accept-Encoding", tt.encoding)
			res := serve(h, r)
			etag := res.Header.Get("ETag")
			if gz := res.Header.Get("Content-Encoding") == "gzip"; gz != tt.gzipped {
				t.Errorf("gzipped = %v, want %v", gz, tt.gzipped)
			}
			if body := readBody(t, res); tt.name != "too_small" && body != script {
				t.Errorf("body is %d bytes, want the %d of the script", len(body), len(script))
			}
			r.Header.Set("If-None-Match", etag)
			if res := serve(h, r); etag == "" || res.StatusCode != http.StatusNotModified {
				t.Errorf("revalidation with ETag %q answered %d, want 304", etag, res.StatusCode)
			}
		})
	}
}

// TestHandlerEmbedded checks the files this binary was built with, a UI or the placeholder.
func TestHandlerEmbedded(t *testing.T) {
	t.Parallel()
	res := serve(Handler(), httptest.NewRequest("GET", "/", nil))
	w := want{http.StatusOK, "make web", cacheRevalidate, "text/html", true}
	if Built() {
		w.body = `<div id="root">`
	}
	check(t, res, w)
}
