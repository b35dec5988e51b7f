package blobtest

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/blob"
)

// testSignedURLTampered changes a signed URL in every way a user could, and checks that each
// change is refused: the signature, the key, each parameter (changed, removed or added), and
// the signature removed altogether, which also proves the blob is not public.
func testSignedURLTampered(t *testing.T, s blob.Store, sg blob.Signer) {
	one, two := []byte("blob number one"), []byte("blob number two")
	mustPut(t, s, "t/one", one, "application/pdf")
	mustPut(t, s, "t/two", two, "application/pdf")
	signed := sign(t, sg, "t/one", "one.pdf", time.Minute)
	if r := send(t, http.MethodGet, signed, nil, nil); !r.ok() {
		t.Fatalf("GET of the untouched URL: status %d", r.status)
	}
	for name, u := range tamperedURLs(t, signed) {
		r := send(t, http.MethodGet, u, nil, nil)
		if r.ok() || bytes.Equal(r.body, one) || bytes.Equal(r.body, two) {
			t.Errorf("%s: GET %s answered %d with a blob, want it refused", name, u, r.status)
		}
	}
}

// tamperedURLs returns variants of signed by what was done to it.
func tamperedURLs(t *testing.T, signed string) map[string]string {
	t.Helper()
	base, err := url.Parse(signed)
	if err != nil {
		t.Fatalf("parse signed URL: %v", err)
	}
	out := map[string]string{}
	query := func(name string, change func(q url.Values)) {
		u, q := *base, base.Query()
		change(q)
		u.RawQuery = q.Encode()
		out[name] = u.String()
	}
	other := *base
	swapKey(&other, "one", "two")
	out["other_key"] = other.String()
	query("no_query", func(q url.Values) { clear(q) })
	query("added_param", func(q url.Values) { q.Set("response-content-type", "text/html") })
	for name := range base.Query() {
		query("changed_"+name, func(q url.Values) { q.Set(name, flipLast(q.Get(name))) })
		query("removed_"+name, func(q url.Values) { q.Del(name) })
	}
	return out
}

func swapKey(u *url.URL, from, to string) {
	u.Path = strings.TrimSuffix(u.Path, from) + to
	if u.RawPath != "" {
		u.RawPath = strings.TrimSuffix(u.RawPath, from) + to
	}
}

// flipLast changes the last character of v, or makes an empty value non-empty.
func flipLast(v string) string {
	if v == "" {
		return "x"
	}
	c := byte('a')
	if v[len(v)-1] == 'a' {
		c = 'b'
	}
	return v[:len(v)-1] + string(c)
}
