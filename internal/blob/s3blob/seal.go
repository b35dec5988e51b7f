package s3blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/licensorhq/licensor/internal/blob"
)

// Seal reads a blob that arrived by a signed upload, and records its SHA-256 and contentType by
// copying the object onto itself with new metadata. The copy is conditional on the ETag read,
// so an upload that lands meanwhile is never sealed with the hash of the one before it.
func (s *Store) Seal(ctx context.Context, key, contentType string) (blob.Info, error) {
	if err := blob.CheckKey(key); err != nil {
		return blob.Info{}, err
	}
	ct, err := blob.ContentType(contentType)
	if err != nil {
		return blob.Info{}, err
	}
	out, err := s.cfg.Client.GetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key)}, ownChecksum)
	if err != nil {
		return blob.Info{}, fmt.Errorf("seal blob %s: %w", key, mapError(err))
	}
	defer out.Body.Close()
	info, err := hashBody(key, out)
	if err != nil {
		return blob.Info{}, err
	}
	if sealed := out.Metadata[metaSHA256]; sealed != "" {
		return resealed(info, sealed, out)
	}
	info.ContentType = ct
	return s.recordHash(ctx, info, aws.ToString(out.ETag))
}

func hashBody(key string, out *s3.GetObjectOutput) (blob.Info, error) {
	h := sha256.New()
	n, err := io.Copy(h, out.Body)
	if err != nil {
		return blob.Info{}, fmt.Errorf("seal blob %s: read: %w", key, err)
	}
	if n != aws.ToInt64(out.ContentLength) {
		return blob.Info{}, fmt.Errorf("seal blob %s: read %d of %d bytes", key, n,
			aws.ToInt64(out.ContentLength))
	}
	return blob.Info{Key: key, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// resealed answers Seal for a blob sealed before: the content must still match.
func resealed(info blob.Info, sealed string, out *s3.GetObjectOutput) (blob.Info, error) {
	if sealed != info.SHA256 {
		return blob.Info{}, fmt.Errorf("seal blob %s again: %w", info.Key, blob.ErrCorrupt)
	}
	info.ContentType, info.ModTime = aws.ToString(out.ContentType), aws.ToTime(out.LastModified)
	return info, nil
}

func (s *Store) recordHash(ctx context.Context, info blob.Info, etag string) (blob.Info, error) {
	out, err := s.cfg.Client.CopyObject(ctx, &s3.CopyObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(info.Key),
		// Keys hold no character that needs escaping in a copy source.
		CopySource: aws.String(s.cfg.Bucket + "/" + info.Key), CopySourceIfMatch: aws.String(etag),
		MetadataDirective: types.MetadataDirectiveReplace,
		Metadata:          map[string]string{metaSHA256: info.SHA256},
		ContentType:       aws.String(info.ContentType), ServerSideEncryption: s.sse(),
	})
	if errorCode(err) == "PreconditionFailed" {
		return blob.Info{}, fmt.Errorf("seal blob %s: replaced while being read; seal again: %w",
			info.Key, err)
	}
	if err != nil {
		return blob.Info{}, fmt.Errorf("seal blob %s: %w", info.Key, err)
	}
	if out.CopyObjectResult != nil {
		info.ModTime = aws.ToTime(out.CopyObjectResult.LastModified)
	}
	return info, nil
}
