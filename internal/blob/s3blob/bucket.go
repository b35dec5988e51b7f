package s3blob

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// EnsureBucket creates the bucket when it does not exist and makes it private and encrypted:
// public access blocked, ACLs disabled (the bucket owner owns every object), SSE-S3 by default.
// It returns the names of the settings the server answered NotImplemented, which S3-protocol
// servers do for some (versitygw: public_access_block and default_encryption); AWS S3
// implements all of them, and a new AWS bucket starts with the same settings anyway.
func EnsureBucket(ctx context.Context, c *s3.Client, bucket string) ([]string, error) {
	if err := createBucket(ctx, c, bucket); err != nil {
		return nil, err
	}
	var skipped []string
	for _, st := range bucketSettings(bucket) {
		err := st.apply(ctx, c)
		if errorCode(err) == "NotImplemented" {
			skipped = append(skipped, st.name)
			continue
		}
		if err != nil {
			return skipped, fmt.Errorf("set %s on bucket %s: %w", st.name, bucket, err)
		}
	}
	return skipped, nil
}

func createBucket(ctx context.Context, c *s3.Client, bucket string) error {
	in := &s3.CreateBucketInput{Bucket: aws.String(bucket)}
	// us-east-1 is the one region that must not be named as a location.
	if r := c.Options().Region; r != "" && r != "us-east-1" {
		in.CreateBucketConfiguration = &types.CreateBucketConfiguration{
			LocationConstraint: types.BucketLocationConstraint(r)}
	}
	_, err := c.CreateBucket(ctx, in)
	if err != nil && errorCode(err) != "BucketAlreadyOwnedByYou" {
		return fmt.Errorf("create bucket %s: %w", bucket, err)
	}
	return nil
}

type bucketSetting struct {
	name  string
	apply func(context.Context, *s3.Client) error
}

func bucketSettings(bucket string) []bucketSetting {
	b := aws.String(bucket)
	return []bucketSetting{
		{"public_access_block", func(ctx context.Context, c *s3.Client) error {
			_, err := c.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: b,
				PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{
					BlockPublicAcls: aws.Bool(true), IgnorePublicAcls: aws.Bool(true),
					BlockPublicPolicy: aws.Bool(true), RestrictPublicBuckets: aws.Bool(true)}})
			return err
		}},
		{"ownership_controls", func(ctx context.Context, c *s3.Client) error {
			_, err := c.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{
				Bucket: b, OwnershipControls: &types.OwnershipControls{
					Rules: []types.OwnershipControlsRule{
						{ObjectOwnership: types.ObjectOwnershipBucketOwnerEnforced}}}})
			return err
		}},
		{"default_encryption", func(ctx context.Context, c *s3.Client) error {
			_, err := c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: b,
				ServerSideEncryptionConfiguration: &types.ServerSideEncryptionConfiguration{
					Rules: []types.ServerSideEncryptionRule{{
						ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{
							SSEAlgorithm: types.ServerSideEncryptionAes256}}}}})
			return err
		}},
	}
}
