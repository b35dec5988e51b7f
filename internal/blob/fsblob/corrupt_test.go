package fsblob

import (
	"errors"
	"io"
	"os"
	"testing"

	"github.com/licensorhq/licensor/internal/blob"
)

// TestDamagedFiles damages blob files in the ways a disk or a person can, and checks that Get
// and Stat report blob.ErrCorrupt rather than wrong content or metadata.
func TestDamagedFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		damage func(t *testing.T, s *Store, name string)
	}{
		{"truncated", func(t *testing.T, _ *Store, f string) { os.Truncate(f, headerSize+3) }},
		{"no_header", func(t *testing.T, _ *Store, f string) { os.Truncate(f, 100) }},
		{"grown", func(t *testing.T, _ *Store, f string) { appendTo(t, f, "more") }},
		{"header_garbled", func(t *testing.T, _ *Store, f string) { writeAt(t, f, 0, "{{") }},
		{"other_key", func(t *testing.T, s *Store, name string) {
			put(t, s, "other", "the content of another")
			os.Rename(s.path("other"), name)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t)
			put(t, s, "k", "the content of k")
			tt.damage(t, s, s.path("k"))
			checkCorrupt(t, s, "k")
		})
	}
}

func checkCorrupt(t *testing.T, s *Store, key string) {
	t.Helper()
	if _, err := s.Stat(t.Context(), key); !errors.Is(err, blob.ErrCorrupt) {
		t.Errorf("Stat: %v, want ErrCorrupt", err)
	}
	rc, _, err := s.Get(t.Context(), key)
	if err == nil {
		_, err = io.ReadAll(rc)
		rc.Close()
	}
	if !errors.Is(err, blob.ErrCorrupt) {
		t.Errorf("Get: %v, want ErrCorrupt", err)
	}
}

func appendTo(t *testing.T, name, s string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString(s)
}

func writeAt(t *testing.T, name string, off int64, s string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteAt([]byte(s), off)
}
