// Package blobtest is the conformance suite of the blob contract: every engine runs Run from its
// own tests, against a real backend, and so must behave the same way for the code above it.
package blobtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/blob"
)

// Tamperer is implemented by the store an engine's test hands to Run when the test can change a
// stored blob's content behind the engine's back (on disk, or in the S3 server's own files). The
// suite uses it to check that Get detects the damage. Production stores do not implement it.
type Tamperer interface {
	// Tamper changes at least one byte of the content stored under key, keeping its length.
	Tamper(t testing.TB, key string)
}

// Run runs the suite. open is called once per subtest and returns an empty store that the test
// may use alone; subtests run in parallel.
func Run(t *testing.T, open func(t *testing.T) blob.Store) {
	for _, tc := range cases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.run(t, open(t))
		})
	}
}

type testCase struct {
	name string
	run  func(t *testing.T, s blob.Store)
}

func cases() []testCase {
	return concat(basicCases(), keyCases(), loadCases(), signerCases(), uploaderCases())
}

func concat(lists ...[]testCase) []testCase {
	var all []testCase
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

func randomBytes(t testing.TB, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func ctxFor(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func mustPut(t testing.TB, s blob.Store, key string, content []byte, ct string) blob.Info {
	t.Helper()
	info, err := s.Put(ctxFor(t), key, bytes.NewReader(content), ct)
	if err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
	return info
}

// mustGet reads the whole blob and fails the test if reading it fails.
func mustGet(t testing.TB, s blob.Store, key string) ([]byte, blob.Info) {
	t.Helper()
	rc, info, err := s.Get(ctxFor(t), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read %q: %v", key, err)
	}
	return b, info
}
