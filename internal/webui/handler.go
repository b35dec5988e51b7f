package webui

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// ContentSecurityPolicy is sent with every HTML answer (SECURITY.md, "Sessions and the browser"):
// no inline script or style, nothing from another origin, no framing. The UI is built to live
// within it: no inline script in index.html, and no component that writes a <style> element.
const ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'self'"

const (
	indexFile = "index.html"
	assetsDir = "assets"
	// Vite puts a hash of the content in every file name under assets/, so a changed file gets
	// a new name and the old one can be cached for good.
	cacheImmutable = "public, max-age=31536000, immutable"
	// Everything else, index.html above all, is revalidated on every use so that a new release
	// is picked up at once; the ETag keeps that cheap.
	cacheRevalidate = "no-cache"
)

type handler struct {
	files map[string]*file // by path relative to dist, without a leading slash
	index *file            // nil when no UI was built
}

// New serves the UI held in fsys, laid out as Vite builds it: index.html at the root and hashed
// files under assets/. Every file is read, hashed and compressed here, once; fsys is not used
// after New returns. Tests pass an fstest.MapFS.
func New(fsys fs.FS) (http.Handler, error) {
	files, err := loadFiles(fsys)
	if err != nil {
		return nil, fmt.Errorf("load web UI files: %w", err)
	}
	return &handler{files: files, index: files[indexFile]}, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	f := h.files[name]
	switch {
	case under(name, "api"):
		// The API answers its own paths; one that reaches the UI does not exist, and answering
		// it with index.html would hide the mistake from an API client.
		http.NotFound(w, r)
	case under(name, assetsDir):
		h.serveFile(w, r, f, cacheImmutable)
	case f != nil && f != h.index:
		h.serveFile(w, r, f, cacheRevalidate)
	case h.index == nil:
		servePlaceholder(w, r)
	default:
		// index.html itself, and every path the browser-side router may know.
		h.serveFile(w, r, h.index, cacheRevalidate)
	}
}

// under reports whether name is dir or lies below it.
func under(name, dir string) bool {
	return name == dir || strings.HasPrefix(name, dir+"/")
}

// serveFile answers with f, compressed when the client accepts it, or 404 when f is nil.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, f *file, cache string) {
	if f == nil {
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	hdr.Set("Cache-Control", cache)
	hdr.Set("Content-Type", f.contentType)
	if f.html {
		hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	}
	body, etag := f.body, f.etag
	if f.gzip != nil {
		hdr.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			hdr.Set("Content-Encoding", "gzip")
			body, etag = f.gzip, f.gzipETag
		}
	}
	hdr.Set("ETag", etag)
	// The zero time leaves Last-Modified out: embedded files have no modification time, and
	// the ETag answers conditional requests.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
