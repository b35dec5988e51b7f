package webui

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// file is one file of the built UI, held in memory with its compressed form.
type file struct {
	body        []byte
	gzip        []byte // nil when compression is not worth it
	etag        string
	gzipETag    string
	contentType string
	html        bool
}

// loadFiles reads every regular file of fsys. Names starting with a dot (the placeholder
// dist/.gitkeep among them) are never served.
func loadFiles(fsys fs.FS) (map[string]*file, error) {
	files := make(map[string]*file)
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case name != "." && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case !d.Type().IsRegular():
			return nil
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		files[name], err = newFile(name, body)
		return err
	})
	return files, err
}

func newFile(name string, body []byte) (*file, error) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	f := &file{body: body, etag: etag(body, ""), contentType: ctype}
	f.html = strings.HasPrefix(ctype, "text/html")
	if !compressible(ctype, len(body)) {
		return f, nil
	}
	gz, err := gzipBytes(body)
	if err != nil {
		return nil, fmt.Errorf("compress %s: %w", name, err)
	}
	// Keep the compressed form only when it saves at least a tenth.
	if len(gz) < len(body)*9/10 {
		f.gzip, f.gzipETag = gz, etag(body, ".gz")
	}
	return f, nil
}

// etag names the content, so that the same build always answers the same tags.
func etag(body []byte, suffix string) string {
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + suffix + `"`
}

func compressible(ctype string, size int) bool {
	if size < 1024 {
		return false
	}
	base, _, _ := strings.Cut(ctype, ";")
	switch base {
	case "text/javascript", "application/javascript", "application/json", "image/svg+xml",
		"application/manifest+json", "text/css", "text/html", "text/plain":
		return true
	}
	return false
}

func gzipBytes(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("new gzip writer: %w", err)
	}
	if _, err := zw.Write(body); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("close gzip: %w", err)
	}
	return buf.Bytes(), nil
}

// acceptsGzip reads an Accept-Encoding header: gzip is acceptable when listed without q=0.
func acceptsGzip(header string) bool {
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		if strings.TrimSpace(coding) != "gzip" {
			continue
		}
		q, ok := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if !ok {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}
