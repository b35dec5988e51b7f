package fsblob

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func put(t *testing.T, s *Store, key, content string) {
	t.Helper()
	_, err := s.Put(t.Context(), key, strings.NewReader(content), "application/pdf")
	if err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}

// TestLayout checks the file a put leaves: private, under ROOT/HH/, with a header naming the key,
// and no temporary file beside it, after a successful put or a failed one.
func TestLayout(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	put(t, s, "org/inv/v1.pdf", "%PDF-1.7")
	_, err := s.Put(t.Context(), "org/inv/v2.pdf", iotestErrReader{}, "")
	if err == nil {
		t.Fatal("Put from a failing reader succeeded")
	}
	files, _ := filepath.Glob(filepath.Join(s.root, "*", "*"))
	if len(files) != 1 || files[0] != s.path("org/inv/v1.pdf") {
		t.Fatalf("files under the root: %q, want only the blob's", files)
	}
	fi, err := os.Stat(files[0])
	if err != nil || fi.Mode().Perm() != 0o600 || fi.Size() != headerSize+8 {
		t.Errorf("blob file: %v, %v; want mode 0600 and %d bytes", fi.Mode(), err, headerSize+8)
	}
	b, _ := os.ReadFile(files[0])
	if !bytes.Contains(b[:headerSize], []byte(`"key":"org/inv/v1.pdf"`)) ||
		string(b[headerSize:]) != "%PDF-1.7" {
		t.Errorf("file content %q, want a header naming the key, then the content", b)
	}
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("reader failed") }

func TestReopen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, _ := Open(dir)
	put(t, s, "a/b", "kept across stores")
	again, err := Open(dir)
	if err != nil {
		t.Fatalf("Open again: %v", err)
	}
	rc, _, err := again.Get(t.Context(), "a/b")
	if err != nil {
		t.Fatalf("Get from a reopened store: %v", err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(rc); err != nil || buf.String() != "kept across stores" {
		t.Errorf("read %q, %v", buf.String(), err)
	}
}

// TestStaleTemps checks that Open removes what a crash left, and only that.
func TestStaleTemps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sub := filepath.Join(dir, "ab")
	os.Mkdir(sub, 0o700)
	stale, fresh := filepath.Join(sub, "put-1.tmp"), filepath.Join(sub, "put-2.tmp")
	for _, name := range []string{stale, fresh} {
		os.WriteFile(name, []byte("partial"), 0o600)
	}
	old := time.Now().Add(-2 * staleTemp)
	os.Chtimes(stale, old, old)
	if _, err := Open(dir); err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary file still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh temporary file, maybe a put in progress, was removed: %v", err)
	}
}

func TestOpenOnFile(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o600)
	if _, err := Open(file); err == nil {
		t.Error("Open on a regular file succeeded")
	}
	if _, err := Open(filepath.Join(file, "below")); err == nil {
		t.Error("Open below a regular file succeeded")
	}
}
