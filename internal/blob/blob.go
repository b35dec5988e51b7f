// Package blob is Licensor's contract for stored files (invoice PDFs): put, get, stat, delete,
// and a signed download URL on engines that have one. Engines: files on disk (package fsblob) and
// S3 (package s3blob); the conformance suite in package blobtest says what each must do.
package blob

import (
	"context"
	"errors"
	"io"
	"time"
)

// ErrNotFound is returned for a key that holds no blob.
var ErrNotFound = errors.New("blob: not found")

// Info describes a stored blob.
type Info struct {
	Key         string
	Size        int64
	SHA256      string // lowercase hex of the content's SHA-256
	ContentType string
	ModTime     time.Time
}

// Store keeps blobs by key. Keys are chosen by the server: slash-separated segments of
// [A-Za-z0-9._-], never starting with a dot. Implementations are safe for concurrent use.
type Store interface {
	// Put stores the content of r under key, replacing any blob there, and returns its Info with
	// the size and SHA-256 it computed. The blob is durable when Put returns.
	Put(ctx context.Context, key string, r io.Reader, contentType string) (Info, error)
	// Get opens the blob; the caller closes the reader. A reader of a blob whose content no
	// longer matches its SHA-256 fails with an error before io.EOF.
	Get(ctx context.Context, key string) (io.ReadCloser, Info, error)
	// Stat describes the blob without reading it.
	Stat(ctx context.Context, key string) (Info, error)
	// Delete removes the blob; a missing blob is not an error.
	Delete(ctx context.Context, key string) error
}

// Signer is implemented by engines that can hand out a URL from which a browser downloads a blob
// directly, as an attachment named filename, until ttl has passed.
type Signer interface {
	SignedURL(ctx context.Context, key, filename string, ttl time.Duration) (string, error)
}
