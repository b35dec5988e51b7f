package blobtest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/blob"
)

func keyCases() []testCase {
	return []testCase{
		{"BadKeys", testBadKeys},
		{"GoodKeys", testGoodKeys},
		{"BadContentType", testBadContentType},
	}
}

var badKeys = []string{
	"", "/abs", "a//b", "a/", "..", "a/../b", "../a", ".hidden", "a/.b", ".", "a/./b",
	"a b", "a\x00b", "a\nb", "é", "a\\b", "a:b", "a?b", "a%2Fb", "a*", "~a",
	strings.Repeat("a", blob.MaxKeyLen+1),
}

// testBadKeys checks that every operation refuses each bad key with ErrInvalidKey, before it
// touches the backend: none of them may read, write or remove anything.
func testBadKeys(t *testing.T, s blob.Store) {
	ctx := ctxFor(t)
	for _, key := range badKeys {
		ops := map[string]func() error{
			"Put": func() error {
				_, err := s.Put(ctx, key, strings.NewReader("x"), "")
				return err
			},
			"Get":    func() error { _, _, err := s.Get(ctx, key); return err },
			"Stat":   func() error { _, err := s.Stat(ctx, key); return err },
			"Delete": func() error { return s.Delete(ctx, key) },
		}
		addOptionalOps(ctx, s, key, ops)
		for name, op := range ops {
			if err := op(); !errors.Is(err, blob.ErrInvalidKey) {
				t.Errorf("%s(%q): %v, want ErrInvalidKey", name, key, err)
			}
		}
	}
}

func addOptionalOps(ctx context.Context, s blob.Store, key string, ops map[string]func() error) {
	if sg, ok := s.(blob.Signer); ok {
		ops["SignedURL"] = func() error {
			_, err := sg.SignedURL(ctx, key, "a.pdf", time.Minute)
			return err
		}
	}
	if up, ok := s.(blob.Uploader); ok {
		ops["SignedUpload"] = func() error {
			_, err := up.SignedUpload(ctx, key, 10, time.Minute)
			return err
		}
		ops["Seal"] = func() error { _, err := up.Seal(ctx, key, ""); return err }
	}
}

func testGoodKeys(t *testing.T, s blob.Store) {
	long := strings.Repeat("abcdefg/", blob.MaxKeyLen/8-1) + "last.pdf"
	for _, key := range []string{"a", "A-Z_a.z-0.9", "a..b/c.", "x/y-/_z", long} {
		content := []byte("content of " + key)
		mustPut(t, s, key, content, "")
		if got, _ := mustGet(t, s, key); !bytes.Equal(got, content) {
			t.Errorf("Get(%q) = %q, want %q", key, got, content)
		}
	}
}

func testBadContentType(t *testing.T, s blob.Store) {
	ctx := ctxFor(t)
	for _, ct := range []string{"not a type", "text/plain\r\nX-Evil: 1", "/", "pdf"} {
		if _, err := s.Put(ctx, "k", strings.NewReader("x"), ct); err == nil {
			t.Errorf("Put with content type %q succeeded, want an error", ct)
		}
	}
	if _, err := s.Stat(ctx, "k"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat after refused puts: %v, want ErrNotFound", err)
	}
}
