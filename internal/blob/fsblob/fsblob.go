// Package fsblob keeps blobs as files under one directory, the engine of a single-binary
// deployment.
//
// Layout: the blob under key K lives in ROOT/HH/H.blob, where H is the hex SHA-256 of K and HH
// its first two characters. Hashing the key keeps every blob two levels down whatever the key's
// shape, and lets K and K/child both hold blobs, as they may on S3.
//
// Each file starts with a header of exactly 2048 bytes: one JSON object ({"format":1, "key",
// "size", "sha256", "content_type"}) padded with spaces and ended by a newline, then the content.
// Keeping the metadata in the same file as the content means one rename publishes both, so no
// crash can pair new content with old metadata. `head -c 2048 FILE` shows which key a file holds;
// `tail -c +2049 FILE` extracts the content.
//
// Put writes a temporary file (put-*.tmp) in the blob's own directory, fsyncs it, renames it over
// the blob and fsyncs the directory; temporary files that a crash left behind are removed by Open
// once they are an hour old.
package fsblob

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/licensorhq/licensor/internal/blob"
)

// Store is a blob.Store on a local directory. It is safe for concurrent use, also by several
// Stores on the same directory.
type Store struct {
	root string
}

var _ blob.Store = (*Store)(nil)

// staleTemp is the age after which Open removes a temporary file: no put takes that long.
const staleTemp = time.Hour

// Open returns the store kept under dir, creating dir when it is missing.
func Open(dir string) (*Store, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open blob dir %s: %w", dir, err)
	}
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, fmt.Errorf("create blob dir: %w", err)
	}
	s := &Store{root: root}
	if err := s.removeStaleTemps(); err != nil {
		return nil, err
	}
	return s, nil
}

// path is where the blob under key lives.
func (s *Store) path(key string) string {
	h := sha256.Sum256([]byte(key))
	name := hex.EncodeToString(h[:])
	return filepath.Join(s.root, name[:2], name+".blob")
}

func (s *Store) removeStaleTemps() error {
	temps, err := filepath.Glob(filepath.Join(s.root, "*", "put-*.tmp"))
	if err != nil {
		return fmt.Errorf("list temporary blob files: %w", err)
	}
	for _, name := range temps {
		fi, err := os.Stat(name)
		if err != nil || time.Since(fi.ModTime()) < staleTemp {
			continue // gone already, or a put of another process still writing it
		}
		if err := os.Remove(name); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("remove stale temporary blob file: %w", err)
		}
	}
	return nil
}

// syncDir makes a rename or removal in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("open %s to sync it: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
