package blobtest

import (
	"bytes"
	"errors"
	"mime"
	"net/http"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/blob"
)

func signerCases() []testCase {
	return []testCase{
		{"SignedURL", withSigner(testSignedURL)},
		{"SignedURLTampered", withSigner(testSignedURLTampered)},
		{"SignedURLExpired", withSigner(testSignedURLExpired)},
		{"SignedURLMissing", withSigner(testSignedURLMissing)},
	}
}

func withSigner(run func(*testing.T, blob.Store, blob.Signer)) func(*testing.T, blob.Store) {
	return func(t *testing.T, s blob.Store) {
		sg, ok := s.(blob.Signer)
		if !ok {
			t.Skipf("%T does not sign URLs", s)
		}
		run(t, s, sg)
	}
}

func sign(t testing.TB, sg blob.Signer, key, filename string, ttl time.Duration) string {
	t.Helper()
	u, err := sg.SignedURL(ctxFor(t), key, filename, ttl)
	if err != nil {
		t.Fatalf("SignedURL(%q): %v", key, err)
	}
	return u
}

func testSignedURL(t *testing.T, s blob.Store, sg blob.Signer) {
	tests := []struct{ name, filename string }{
		{"plain", "invoice-2024-01.pdf"},
		{"spaces_and_quotes", `Invoice "January" 2024.pdf`},
		{"non_ascii", "Facture février 2024 – n°7.pdf"},
	}
	content := randomBytes(t, 64<<10)
	mustPut(t, s, "signed/doc.pdf", content, "application/pdf")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := send(t, http.MethodGet, sign(t, sg, "signed/doc.pdf", tt.filename, time.Minute),
				nil, nil)
			if r.status != http.StatusOK || !bytes.Equal(r.body, content) {
				t.Fatalf("GET signed URL: status %d, %d bytes; want 200 and the %d put",
					r.status, len(r.body), len(content))
			}
			checkAttachment(t, r.header, tt.filename)
			if ct := r.header.Get("Content-Type"); ct != "application/pdf" {
				t.Errorf("Content-Type %q, want application/pdf", ct)
			}
		})
	}
}

func checkAttachment(t *testing.T, h http.Header, filename string) {
	t.Helper()
	cd := h.Get("Content-Disposition")
	disp, params, err := mime.ParseMediaType(cd)
	if err != nil || disp != "attachment" || params["filename"] != filename {
		t.Errorf("Content-Disposition %q (%v), want attachment with filename %q", cd, err, filename)
	}
}

func testSignedURLExpired(t *testing.T, s blob.Store, sg blob.Signer) {
	content := []byte("expiring content")
	mustPut(t, s, "soon/gone", content, "")
	u := sign(t, sg, "soon/gone", "a.pdf", time.Second)
	// Signatures carry whole seconds: wait past the second after the one that ends the ttl.
	time.Sleep(2500 * time.Millisecond)
	if r := send(t, http.MethodGet, u, nil, nil); r.ok() || bytes.Equal(r.body, content) {
		t.Errorf("GET of an expired URL: status %d, body %q; want it refused", r.status, r.body)
	}
}

func testSignedURLMissing(t *testing.T, s blob.Store, sg blob.Signer) {
	_, err := sg.SignedURL(ctxFor(t), "no/such", "a.pdf", time.Minute)
	if !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("SignedURL of a missing blob: %v, want ErrNotFound", err)
	}
}
