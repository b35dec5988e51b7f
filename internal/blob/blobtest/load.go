package blobtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/licensorhq/licensor/internal/blob"
)

func loadCases() []testCase {
	return []testCase{
		{"Concurrent", testConcurrent},
		{"Large", testLarge},
		{"Tampered", testTampered},
		{"FailedPut", testFailedPut},
		{"CanceledPut", testCanceledPut},
	}
}

func testConcurrent(t *testing.T, s blob.Store) {
	const n = 16
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			key := fmt.Sprintf("c/%d", i)
			if _, err := s.Put(ctxFor(t), key, bytes.NewReader([]byte(key)), ""); err != nil {
				t.Errorf("Put(%q): %v", key, err)
			}
		})
	}
	wg.Wait()
	for i := range n {
		key := fmt.Sprintf("c/%d", i)
		if got, _ := mustGet(t, s, key); string(got) != key {
			t.Errorf("Get(%q) = %q", key, got)
		}
	}
}

// testLarge stores the largest invoice PDF the server accepts, 10 MiB.
func testLarge(t *testing.T, s blob.Store) {
	content := randomBytes(t, 10<<20)
	info := mustPut(t, s, "large.pdf", content, "application/pdf")
	if info.Size != int64(len(content)) || info.SHA256 != sum(content) {
		t.Errorf("Put info %+v, want size %d and SHA-256 %s", info, len(content), sum(content))
	}
	if got, _ := mustGet(t, s, "large.pdf"); !bytes.Equal(got, content) {
		t.Errorf("Get returned %d bytes that differ from the %d put", len(got), len(content))
	}
}

func testTampered(t *testing.T, s blob.Store) {
	tam, ok := s.(Tamperer)
	if !ok {
		t.Fatalf("the store given to blobtest.Run (%T) does not implement Tamperer", s)
	}
	content := randomBytes(t, 300<<10)
	mustPut(t, s, "t/doc.pdf", content, "application/pdf")
	tam.Tamper(t, "t/doc.pdf")
	rc, _, err := s.Get(ctxFor(t), "t/doc.pdf")
	if err != nil { // refusing to open it at all also keeps the damaged bytes from the caller
		if !errors.Is(err, blob.ErrCorrupt) {
			t.Errorf("Get of a tampered blob: %v, want ErrCorrupt", err)
		}
		return
	}
	defer rc.Close()
	got, err := io.ReadAll(rc)
	if !errors.Is(err, blob.ErrCorrupt) {
		t.Errorf("reading a tampered blob: %d bytes, error %v; want ErrCorrupt", len(got), err)
	}
}

// failingReader returns some bytes, then an error, as a client that hangs up midway.
type failingReader struct{ n int }

var errClientGone = errors.New("client went away")

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errClientGone
	}
	n := min(len(p), f.n)
	clear(p[:n])
	f.n -= n
	return n, nil
}

// testFailedPut checks that a put whose reader fails stores nothing and keeps the blob before it.
func testFailedPut(t *testing.T, s blob.Store) {
	mustPut(t, s, "f", []byte("kept"), "text/plain")
	_, err := s.Put(ctxFor(t), "f", &failingReader{n: 100 << 10}, "text/plain")
	if !errors.Is(err, errClientGone) {
		t.Errorf("Put from a failing reader: %v, want its error", err)
	}
	if got, _ := mustGet(t, s, "f"); string(got) != "kept" {
		t.Errorf("after a failed replace, Get = %q, want the blob before it", got)
	}
	if _, err := s.Put(ctxFor(t), "g", &failingReader{n: 10}, ""); err == nil {
		t.Errorf("Put from a failing reader succeeded")
	}
	if _, err := s.Stat(ctxFor(t), "g"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat after a failed first put: %v, want ErrNotFound", err)
	}
}

func testCanceledPut(t *testing.T, s blob.Store) {
	ctx, cancel := context.WithCancel(ctxFor(t))
	cancel()
	if _, err := s.Put(ctx, "x", bytes.NewReader([]byte("x")), ""); err == nil {
		t.Errorf("Put with a canceled context succeeded")
	}
	if _, err := s.Stat(ctxFor(t), "x"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat after a canceled put: %v, want ErrNotFound", err)
	}
}
