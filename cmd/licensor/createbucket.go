package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensorhq/licensor/internal/blob/s3blob"
	"github.com/licensorhq/licensor/internal/config"
)

const createBucketHelp = `Usage: licensor admin create-bucket [--LICENSOR_BLOBS=s3:BUCKET]

Creates the S3 bucket of LICENSOR_BLOBS, if it does not exist, and makes it private: public
access blocked, ACLs disabled (the bucket owner owns every object), encryption by default
(SSE-S3). Run again, it sets the same settings on the existing bucket. A setting the server
does not implement (some S3-protocol servers) is named on stderr. The AWS settings come from
the environment (AWS_REGION, credentials or role, AWS_ENDPOINT_URL_S3).
`

// createBucket creates the S3 bucket of LICENSOR_BLOBS and makes it private.
func (c *cli) createBucket(ctx context.Context, args []string) error {
	cmd := config.Command{Name: "admin create-bucket", Settings: []string{"LICENSOR_BLOBS"},
		Help: createBucketHelp}
	cfg, rest, err := config.Parse(cmd, args, c.getenv, c.stdout)
	if err != nil {
		return err
	}
	if len(rest) > 0 || cfg.Blobs != config.BlobsS3 {
		return &config.UsageError{Msg: "admin create-bucket: LICENSOR_BLOBS must be " +
			"s3:BUCKET, and no argument follows"}
	}
	client, err := s3blob.NewClient(ctx, s3blob.ClientOptions{})
	if err != nil {
		return fmt.Errorf("admin create-bucket: %w", err)
	}
	skipped, err := s3blob.EnsureBucket(ctx, client, cfg.Bucket)
	if err != nil {
		return fmt.Errorf("admin create-bucket: %w", err)
	}
	if len(skipped) > 0 {
		fmt.Fprintf(c.stderr, "licensor: admin create-bucket: the server does not implement "+
			"%s; set them by its own means\n", strings.Join(skipped, ", "))
	}
	fmt.Fprintf(c.stdout, "bucket %s is ready\n", cfg.Bucket)
	return nil
}
