package webui

import (
	"net/http"
)

// placeholderPage is what a binary built without the UI shows. It has no style or script, as the
// Content-Security-Policy would refuse inline ones and there are no files to link to.
const placeholderPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Licensor: web UI not built</title>
</head>
<body>
<main>
<h1>Licensor is running, but its web UI was not built into this binary</h1>
<p>The API answers under <code>/api/v1/</code>. To get the web UI, build it and then the
binary again, from the repository's root:</p>
<pre><code>make web
make build</code></pre>
<p>or by hand: <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>, then
<code>go build ./cmd/licensor</code>. <code>make run</code> does both.</p>
</main>
</body>
</html>
`

// servePlaceholder answers a path of the UI when no UI was built. It is revalidated like
// index.html, so that the real UI replaces it as soon as a binary that holds one runs.
func servePlaceholder(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	hdr.Set("Cache-Control", cacheRevalidate)
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write([]byte(placeholderPage))
	}
}
