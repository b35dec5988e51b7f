package fsblob

import (
	"os"
	"testing"

	"github.com/licensorhq/licensor/internal/blob"
	"github.com/licensorhq/licensor/internal/blob/blobtest"
)

func TestConformance(t *testing.T) {
	t.Parallel()
	blobtest.Run(t, func(t *testing.T) blob.Store {
		return tamperable{openStore(t)}
	})
}

func openStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// tamperable lets the suite flip a byte of a blob's content in its file.
type tamperable struct{ *Store }

func (s tamperable) Tamper(t testing.TB, key string) {
	t.Helper()
	f, err := os.OpenFile(s.path(key), os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("open blob file to tamper with it: %v", err)
	}
	defer f.Close()
	b := make([]byte, 1)
	const at = headerSize + 1000
	if _, err := f.ReadAt(b, at); err != nil {
		t.Fatalf("read byte to tamper with: %v", err)
	}
	b[0] ^= 0x5a
	if _, err := f.WriteAt(b, at); err != nil {
		t.Fatalf("tamper: %v", err)
	}
}
