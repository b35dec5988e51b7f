// Package webui serves the web UI, the React application that web/ builds with Vite into dist/
// and that go:embed puts into the binary.
//
// Hashed files under /assets/ are cached for a year, every other file is revalidated, and any
// other path outside /api/ answers index.html so that the browser-side router can handle deep
// links. Without a built UI (a fresh clone holds only dist/.gitkeep), the same paths answer a
// short page that says how to build it, so `go build` never needs Node.
package webui

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed all:dist
var embedded embed.FS

// Handler serves the UI embedded in the binary. Mount it on "/" after the API routes; it answers
// 404 for any path under /api/ that reaches it.
func Handler() http.Handler {
	h, err := New(dist())
	if err != nil {
		// Reading embedded files cannot fail; an error here is a broken build.
		panic(err)
	}
	return h
}

// Built reports whether the binary embeds a built UI rather than only the placeholder.
func Built() bool {
	_, err := fs.Stat(dist(), indexFile)
	return err == nil
}

func dist() fs.FS {
	sub, err := fs.Sub(embedded, "dist")
	if err != nil {
		// fs.Sub fails only on an invalid path, and "dist" is a constant.
		panic(err)
	}
	return sub
}
