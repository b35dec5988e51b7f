// Package s3blob keeps blobs in a private S3 bucket, the engine of the serverless deployment;
// it also works against S3-protocol servers such as versitygw, which its tests run on.
//
// Each object is written with server-side encryption (SSE-S3, AES256) requested, and with the
// hex SHA-256 of its content in the metadata entry "sha256" (the header x-amz-meta-sha256). Put
// also sends the checksum (x-amz-checksum-sha256), so the server refuses a body damaged on the
// way; Get checks the content against the metadata as it streams. An object without the
// metadata (a signed upload not yet sealed, see blob.Uploader) is not a blob: ErrNotFound.
//
// Signed download URLs expire within MaxTTL and make the browser save the file under the name
// given (Content-Disposition: attachment). Signed uploads sign the exact Content-Length, so S3
// refuses a body of any other size.
package s3blob

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/licensorhq/licensor/internal/blob"
)

// MaxTTL is the longest life of a signed URL or signed upload (SECURITY.md, "Invoice PDFs").
const MaxTTL = 5 * time.Minute

// DefaultMaxPutSize is the largest blob Put takes when Config.MaxPutSize is zero. Put holds the
// content in memory to hash it before sending, so larger files go through SignedUpload.
const DefaultMaxPutSize = 64 << 20

// MaxUploadSize is the largest signed upload: S3's limit for one PUT (and for the copy that
// seals it).
const MaxUploadSize = 5 << 30

// Config says where a Store keeps its blobs.
type Config struct {
	Bucket string
	Client *s3.Client // see NewClient
	// NoEncryption leaves out the request for server-side encryption, for S3-protocol servers
	// that refuse the header (versitygw accepts it, so the tests keep it on). AWS S3 encrypts
	// every new object anyway; asking documents the intent and satisfies a bucket policy that
	// demands the header.
	NoEncryption bool
	// MaxPutSize limits Put; zero means DefaultMaxPutSize.
	MaxPutSize int64
}

// Store is a blob.Store, blob.Signer and blob.Uploader on one S3 bucket. It is safe for
// concurrent use.
type Store struct {
	cfg     Config
	presign *s3.PresignClient
}

var (
	_ blob.Store    = (*Store)(nil)
	_ blob.Signer   = (*Store)(nil)
	_ blob.Uploader = (*Store)(nil)
)

// Open checks that the bucket exists and can be reached with the client's credentials, and
// returns the store on it. It creates nothing: see EnsureBucket.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Bucket == "" || cfg.Client == nil {
		return nil, errors.New("open s3 blob store: bucket and client are required")
	}
	if cfg.MaxPutSize == 0 {
		cfg.MaxPutSize = DefaultMaxPutSize
	}
	_, err := cfg.Client.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(cfg.Bucket)})
	if err != nil {
		return nil, fmt.Errorf("open s3 blob store: bucket %s: %w", cfg.Bucket, err)
	}
	return &Store{cfg: cfg, presign: s3.NewPresignClient(cfg.Client)}, nil
}

// sse is the server-side encryption each write asks for.
func (s *Store) sse() types.ServerSideEncryption {
	if s.cfg.NoEncryption {
		return ""
	}
	return types.ServerSideEncryptionAes256
}

func checkTTL(ttl time.Duration) error {
	if ttl < time.Second || ttl > MaxTTL {
		return fmt.Errorf("signed URL lifetime %s is not between 1s and %s", ttl, MaxTTL)
	}
	return nil
}
