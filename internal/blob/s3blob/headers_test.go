package s3blob

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// testRequestHeaders checks what Put and SignedUpload ask of the server: encryption unless
// turned off, the SHA-256 as metadata and as a checksum the server verifies, and a signed size.
func testRequestHeaders(t *testing.T, e env) {
	for _, noEncryption := range []bool{false, true} {
		rec := &recorder{}
		c := s3.New(e.client.Options(), func(o *s3.Options) { o.HTTPClient = rec })
		s, err := Open(t.Context(), Config{Bucket: e.bucket(t), Client: c,
			NoEncryption: noEncryption})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		content := []byte("%PDF-1.7 headers")
		if _, err := s.Put(t.Context(), "k", bytes.NewReader(content), ""); err != nil {
			t.Fatalf("Put: %v", err)
		}
		h := rec.last()
		d := sha256.Sum256(content)
		checkHeader(t, h, "X-Amz-Meta-Sha256", sum(content))
		checkHeader(t, h, "X-Amz-Checksum-Sha256", base64.StdEncoding.EncodeToString(d[:]))
		up, err := s.SignedUpload(t.Context(), "u", 123, time.Minute)
		if err != nil {
			t.Fatalf("SignedUpload: %v", err)
		}
		checkHeader(t, up.Header, "Content-Length", "123")
		wantSSE := map[bool]string{false: "AES256", true: ""}[noEncryption]
		checkHeader(t, h, "X-Amz-Server-Side-Encryption", wantSSE)
		checkHeader(t, up.Header, "X-Amz-Server-Side-Encryption", wantSSE)
	}
}

func checkHeader(t *testing.T, h map[string][]string, name, want string) {
	t.Helper()
	var got string
	if v := h[name]; len(v) > 0 {
		got = v[0]
	}
	if got != want {
		t.Errorf("header %s = %q, want %q", name, got, want)
	}
}
