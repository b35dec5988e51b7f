package s3blob

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/licensorhq/licensor/internal/blob"
)

// metaSHA256 is the object metadata entry holding the content's hex SHA-256.
const metaSHA256 = "sha256"

// Put stores the content of r under key in one PutObject, which S3 makes durable before it
// answers. The content is read into memory first, to send its SHA-256 ahead of it.
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
	body, err := s.readAll(r)
	if err != nil {
		return blob.Info{}, fmt.Errorf("put blob %s: %w", key, err)
	}
	sum := sha256.Sum256(body)
	_, err = s.cfg.Client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key),
		Body: bytes.NewReader(body), ContentLength: aws.Int64(int64(len(body))),
		ContentType:          aws.String(ct),
		Metadata:             map[string]string{metaSHA256: hex.EncodeToString(sum[:])},
		ChecksumSHA256:       aws.String(base64.StdEncoding.EncodeToString(sum[:])),
		ServerSideEncryption: s.sse(),
	})
	if err != nil {
		return blob.Info{}, fmt.Errorf("put blob %s: %w", key, err)
	}
	return blob.Info{Key: key, Size: int64(len(body)), SHA256: hex.EncodeToString(sum[:]),
		ContentType: ct, ModTime: time.Now()}, nil
}

func (s *Store) readAll(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, s.cfg.MaxPutSize+1))
	if err != nil {
		return nil, fmt.Errorf("read content: %w", err)
	}
	if int64(len(body)) > s.cfg.MaxPutSize {
		return nil, fmt.Errorf("content over %d bytes: use a signed upload", s.cfg.MaxPutSize)
	}
	return body, nil
}

// Get opens the blob; the reader fails with blob.ErrCorrupt when the content does not match
// the SHA-256 recorded with it.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, blob.Info, error) {
	if err := blob.CheckKey(key); err != nil {
		return nil, blob.Info{}, err
	}
	out, err := s.cfg.Client.GetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key)}, ownChecksum)
	if err != nil {
		return nil, blob.Info{}, fmt.Errorf("get blob %s: %w", key, mapError(err))
	}
	info, err := infoOf(key, out.Metadata, out.ContentLength, out.ContentType, out.LastModified)
	if err != nil {
		out.Body.Close()
		return nil, blob.Info{}, err
	}
	return blob.Verify(out.Body, info), info, nil
}

// Stat describes the blob from its object's headers.
func (s *Store) Stat(ctx context.Context, key string) (blob.Info, error) {
	if err := blob.CheckKey(key); err != nil {
		return blob.Info{}, err
	}
	out, err := s.cfg.Client.HeadObject(ctx, &s3.HeadObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key)})
	if err != nil {
		return blob.Info{}, fmt.Errorf("stat blob %s: %w", key, mapError(err))
	}
	return infoOf(key, out.Metadata, out.ContentLength, out.ContentType, out.LastModified)
}

// Delete removes the blob; S3 answers a delete of a missing key with success too.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := blob.CheckKey(key); err != nil {
		return err
	}
	_, err := s.cfg.Client.DeleteObject(ctx, &s3.DeleteObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key)})
	if err != nil {
		return fmt.Errorf("delete blob %s: %w", key, err)
	}
	return nil
}

func infoOf(key string, meta map[string]string, size *int64, ct *string, mod *time.Time) (
	blob.Info, error,
) {
	sum := meta[metaSHA256]
	if sum == "" { // a signed upload not sealed yet
		return blob.Info{}, fmt.Errorf("blob %s has no SHA-256 yet: %w", key, blob.ErrNotFound)
	}
	return blob.Info{Key: key, Size: aws.ToInt64(size), SHA256: sum,
		ContentType: aws.ToString(ct), ModTime: aws.ToTime(mod)}, nil
}

// ownChecksum turns off the SDK's check of S3's checksum on reads, which fails with an error
// of its own; blob.Verify checks the same content and fails with blob.ErrCorrupt.
func ownChecksum(o *s3.Options) {
	o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
}

// mapError turns S3's answers for a missing object into blob.ErrNotFound.
func mapError(err error) error {
	switch errorCode(err) {
	case "NoSuchKey", "NotFound":
		return fmt.Errorf("%w (%w)", blob.ErrNotFound, err)
	}
	return err
}
