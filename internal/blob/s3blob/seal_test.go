package s3blob

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/blob"
)

func testUnsealed(t *testing.T, e env) {
	s := e.store(t)
	content := []byte("arrived without a hash")
	rawPut(t, e, s, "raw", content)
	if _, _, err := s.Get(t.Context(), "raw"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Get of an unsealed object: %v, want ErrNotFound", err)
	}
	if _, err := s.SignedURL(t.Context(), "raw", "a.pdf", time.Minute); !errors.Is(err,
		blob.ErrNotFound) {
		t.Errorf("SignedURL of an unsealed object: %v, want ErrNotFound", err)
	}
	if _, err := s.Seal(t.Context(), "raw", "bad type"); err == nil {
		t.Error("Seal with an invalid content type succeeded")
	}
	info, err := s.Seal(t.Context(), "raw", "text/plain")
	if err != nil || info.SHA256 != sum(content) || info.ContentType != "text/plain" {
		t.Fatalf("Seal: %+v, %v", info, err)
	}
	rc, _, err := s.Get(t.Context(), "raw")
	if err != nil {
		t.Fatalf("Get after Seal: %v", err)
	}
	defer rc.Close()
	if got, err := io.ReadAll(rc); err != nil || !bytes.Equal(got, content) {
		t.Errorf("read after Seal: %q, %v", got, err)
	}
}

// testSealTampered seals a blob again after its content changed behind the engine's back.
func testSealTampered(t *testing.T, e env) {
	s := e.store(t)
	if _, err := s.Put(t.Context(), "k", bytes.NewReader(make([]byte, 4000)), ""); err != nil {
		t.Fatalf("Put: %v", err)
	}
	s.Tamper(t, "k")
	if _, err := s.Seal(t.Context(), "k", ""); !errors.Is(err, blob.ErrCorrupt) {
		t.Errorf("Seal of a tampered blob: %v, want ErrCorrupt", err)
	}
}

// recorder keeps the method and headers of each request a client sends to the real server.
type recorder struct {
	mu   sync.Mutex
	sent []*http.Request
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.sent = append(r.sent, &http.Request{Method: req.Method, Header: req.Header.Clone()})
	r.mu.Unlock()
	return http.DefaultClient.Do(req)
}

func (r *recorder) last() http.Header {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sent[len(r.sent)-1].Header
}

// methods returns the methods of the requests sent since the last call.
func (r *recorder) methods() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var m []string
	for _, req := range r.sent {
		m = append(m, req.Method)
	}
	r.sent = nil
	return m
}
