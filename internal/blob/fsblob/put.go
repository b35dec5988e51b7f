package fsblob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/licensorhq/licensor/internal/blob"
)

// Put stores the content of r under key. It returns once the content, its header and the
// rename that publishes them are on disk; a failed or canceled put leaves any previous blob.
func (s *Store) Put(ctx context.Context, key string, r io.Reader, contentType string) (
	blob.Info, error,
) {
	if err := blob.CheckKey(key); err != nil {
		return blob.Info{}, err
	}
	ct, err := blob.ContentType(contentType)
	if err != nil {
		return blob.Info{}, err
	}
	final := s.path(key)
	dir := filepath.Dir(final)
	if err := s.ensureDir(dir); err != nil {
		return blob.Info{}, err
	}
	f, err := os.CreateTemp(dir, "put-*.tmp")
	if err != nil {
		return blob.Info{}, fmt.Errorf("create temporary blob file: %w", err)
	}
	info, err := write(ctx, f, blob.Info{Key: key, ContentType: ct}, r)
	if err == nil {
		err = publish(f.Name(), final)
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return blob.Info{}, fmt.Errorf("put blob %s: %w", key, err)
	}
	return info, nil
}

// write fills f with the header and content, syncs and closes it, and returns the blob's Info.
func write(ctx context.Context, f *os.File, info blob.Info, r io.Reader) (blob.Info, error) {
	defer f.Close()
	if _, err := f.Seek(headerSize, io.SeekStart); err != nil {
		return info, fmt.Errorf("skip header: %w", err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), ctxReader{ctx, r})
	if err != nil {
		return info, fmt.Errorf("write content: %w", err)
	}
	info.Size, info.SHA256 = n, hex.EncodeToString(h.Sum(nil))
	hdr, err := encodeHeader(info)
	if err != nil {
		return info, err
	}
	if _, err := f.WriteAt(hdr, 0); err != nil {
		return info, fmt.Errorf("write header: %w", err)
	}
	if err := f.Sync(); err != nil {
		return info, fmt.Errorf("sync: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		return info, fmt.Errorf("stat: %w", err)
	}
	info.ModTime = fi.ModTime()
	return info, f.Close()
}

// publish renames the written temporary file over the blob and makes the rename durable.
func publish(temp, final string) error {
	if err := os.Rename(temp, final); err != nil {
		return fmt.Errorf("rename into place: %w", err)
	}
	return syncDir(filepath.Dir(final))
}

// ensureDir creates a blob directory, and syncs the root when it did so that the directory
// survives a crash along with the blob about to be renamed into it.
func (s *Store) ensureDir(dir string) error {
	err := os.Mkdir(dir, 0o700)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("create blob directory: %w", err)
	}
	return syncDir(s.root)
}

// ctxReader stops a long copy when the context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
