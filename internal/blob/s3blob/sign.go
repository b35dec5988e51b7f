package s3blob

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/licensorhq/licensor/internal/blob"
)

// SignedURL returns a URL from which a browser downloads the blob, as an attachment named
// filename, until ttl (at most MaxTTL) has passed. It checks first that the blob exists, so a
// missing one gives ErrNotFound here rather than an S3 error page in the browser.
func (s *Store) SignedURL(ctx context.Context, key, filename string, ttl time.Duration) (
	string, error,
) {
	if err := blob.CheckKey(key); err != nil {
		return "", err
	}
	if err := checkTTL(ttl); err != nil {
		return "", err
	}
	disposition, err := attachment(filename)
	if err != nil {
		return "", err
	}
	if _, err := s.Stat(ctx, key); err != nil {
		return "", err
	}
	req, err := s.presign.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key),
		ResponseContentDisposition: aws.String(disposition),
		// Invoices are private: no shared cache may keep a copy.
		ResponseCacheControl: aws.String("private, no-store"),
	}, s3.WithPresignExpires(ttl), s3.WithPresignClientFromClientOptions(ownChecksum))
	if err != nil {
		return "", fmt.Errorf("sign download of blob %s: %w", key, err)
	}
	return req.URL, nil
}

// attachment is the Content-Disposition that saves the download under filename, encoded by
// mime.FormatMediaType (RFC 2231 for names outside ASCII).
func attachment(filename string) (string, error) {
	if filename == "" {
		return "", errors.New("sign download: a file name is required")
	}
	d := mime.FormatMediaType("attachment", map[string]string{"filename": filename})
	if d == "" {
		return "", fmt.Errorf("sign download: file name %q cannot be encoded", filename)
	}
	return d, nil
}

// SignedUpload returns a PUT request that stores exactly size bytes under key, if sent before
// ttl (at most MaxTTL) has passed. The Content-Length is part of the signature, so S3 refuses a
// body of another size with 403 SignatureDoesNotMatch. The blob exists for Get only once Seal
// has recorded its SHA-256.
func (s *Store) SignedUpload(ctx context.Context, key string, size int64, ttl time.Duration) (
	blob.Upload, error,
) {
	if err := blob.CheckKey(key); err != nil {
		return blob.Upload{}, err
	}
	if err := checkTTL(ttl); err != nil {
		return blob.Upload{}, err
	}
	// The SDK signs Content-Length only when it is above zero, so an empty upload cannot be
	// held to its size; there is no use for one anyway.
	if size < 1 || size > MaxUploadSize {
		return blob.Upload{}, fmt.Errorf("signed upload of %d bytes: size must be 1 to %d",
			size, int64(MaxUploadSize))
	}
	req, err := s.presign.PresignPutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(s.cfg.Bucket), Key: aws.String(key),
		ContentLength: aws.Int64(size), ServerSideEncryption: s.sse(),
	}, s3.WithPresignExpires(ttl))
	if err != nil {
		return blob.Upload{}, fmt.Errorf("sign upload of blob %s: %w", key, err)
	}
	header := req.SignedHeader.Clone()
	header.Del("Host") // the client's HTTP library sets it from the URL
	return blob.Upload{Method: req.Method, URL: req.URL, Header: header,
		Expires: time.Now().Add(ttl)}, nil
}
