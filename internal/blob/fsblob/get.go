package fsblob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/licensorhq/licensor/internal/blob"
)

// Get opens the blob under key. The reader checks the content against the size and SHA-256 in
// its header and fails with blob.ErrCorrupt, instead of io.EOF, when they differ.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, blob.Info, error) {
	f, info, err := s.open(key)
	if err != nil {
		return nil, blob.Info{}, err
	}
	return blob.Verify(f, info), info, nil
}

// Stat reads the blob's header, not its content.
func (s *Store) Stat(ctx context.Context, key string) (blob.Info, error) {
	f, info, err := s.open(key)
	if err != nil {
		return blob.Info{}, err
	}
	f.Close()
	return info, nil
}

// open returns the blob file positioned at its content, with the Info from its header.
func (s *Store) open(key string) (*os.File, blob.Info, error) {
	if err := blob.CheckKey(key); err != nil {
		return nil, blob.Info{}, err
	}
	f, err := os.Open(s.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, blob.Info{}, fmt.Errorf("open blob %s: %w", key, blob.ErrNotFound)
	}
	if err != nil {
		return nil, blob.Info{}, fmt.Errorf("open blob %s: %w", key, err)
	}
	info, err := readHeader(f, key)
	if err != nil {
		f.Close()
		return nil, blob.Info{}, err
	}
	return f, info, nil
}

// Delete removes the blob under key; a missing blob is not an error.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := blob.CheckKey(key); err != nil {
		return err
	}
	name := s.path(key)
	err := os.Remove(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("delete blob %s: %w", key, err)
	}
	return syncDir(filepath.Dir(name))
}
