package fsblob

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

const benchSize = 100 << 10 // a typical invoice PDF

// BenchmarkPut stores blobs durably; BenchmarkRawPut is the baseline of the same file work
// without the header and hash: temporary file, write, fsync, rename, directory fsync.
func BenchmarkPut(b *testing.B) {
	s, _ := Open(b.TempDir())
	content := bytes.Repeat([]byte("x"), benchSize)
	b.SetBytes(benchSize)
	for b.Loop() {
		_, err := s.Put(b.Context(), "org/inv/v1.pdf", bytes.NewReader(content), "")
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRawPut(b *testing.B) {
	dir := b.TempDir()
	content := bytes.Repeat([]byte("x"), benchSize)
	b.SetBytes(benchSize)
	for b.Loop() {
		f, _ := os.CreateTemp(dir, "*.tmp")
		f.Write(content)
		f.Sync()
		f.Close()
		os.Rename(f.Name(), filepath.Join(dir, "blob"))
		syncDir(dir)
	}
}

// BenchmarkGet reads and verifies a blob; BenchmarkRawGet reads the same bytes from a file.
func BenchmarkGet(b *testing.B) {
	s, _ := Open(b.TempDir())
	s.Put(b.Context(), "k", bytes.NewReader(bytes.Repeat([]byte("x"), benchSize)), "")
	b.SetBytes(benchSize)
	for b.Loop() {
		rc, _, err := s.Get(b.Context(), "k")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, rc)
		rc.Close()
	}
}

func BenchmarkRawGet(b *testing.B) {
	name := filepath.Join(b.TempDir(), "blob")
	os.WriteFile(name, bytes.Repeat([]byte("x"), benchSize), 0o600)
	b.SetBytes(benchSize)
	for b.Loop() {
		f, _ := os.Open(name)
		io.Copy(io.Discard, f)
		f.Close()
	}
}
