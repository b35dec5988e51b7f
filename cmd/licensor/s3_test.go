package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/licensorhq/licensor/internal/blob/s3blob"
	"github.com/licensorhq/licensor/internal/testenv"
)

// TestS3 makes a bucket with `admin create-bucket` on versitygw, checks that strangers cannot
// read it, runs the command again on the existing bucket, then serves with LICENSOR_BLOBS on
// it, and refuses to serve on a bucket that does not exist. The AWS settings come from the
// usual variables, as on AWS. It sets them for the process, so it cannot run in parallel.
func TestS3(t *testing.T) {
	srv := testenv.Versitygw(t)
	setenv(t, map[string]string{
		"AWS_ENDPOINT_URL_S3": srv.Endpoint, "AWS_REGION": srv.Region,
		"AWS_ACCESS_KEY_ID": srv.AccessKey, "AWS_SECRET_ACCESS_KEY": srv.SecretKey,
	})
	bucket := uniqueName("licensor-")
	c, stdout, stderr := testCLI(map[string]string{"LICENSOR_BLOBS": "s3:" + bucket})
	ctx := context.Background()
	if err := c.run(ctx, []string{"admin", "create-bucket"}); err != nil {
		t.Fatalf("admin create-bucket: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout.String(), "bucket "+bucket+" is ready") {
		t.Errorf("admin create-bucket printed %q", stdout)
	}
	// versitygw implements neither setting; AWS S3 implements both.
	if want := "does not implement public_access_block, default_encryption"; !strings.Contains(
		stderr.String(), want) {
		t.Errorf("admin create-bucket warned %q, want %q", stderr, want)
	}
	checkPrivate(t, srv, bucket)
	if err := c.run(ctx, []string{"admin", "create-bucket"}); err != nil {
		t.Errorf("admin create-bucket on the existing bucket: %v\n%s", err, stderr)
	}
	serveS3(t, "s3:"+bucket)
	refuseMissingBucket(t)
}

// refuseMissingBucket: serve does not start on a bucket that does not exist.
func refuseMissingBucket(t *testing.T) {
	t.Helper()
	c, _, _ := testCLI(map[string]string{"LICENSOR_BLOBS": "s3:licensor-missing",
		"LICENSOR_ADDR":     fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t)),
		"LICENSOR_DATA_DIR": t.TempDir()})
	// A hang guard, not a speed target: serve should fail at once, not wait for a signal.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := c.run(ctx, []string{"serve"})
	if err == nil || !strings.Contains(err.Error(), "licensor-missing") {
		t.Errorf("serve on a missing bucket: %v, want an error naming the bucket", err)
	}
}

// checkPrivate holds the bucket to what create-bucket promises: ACLs disabled, and no object
// or listing readable without the owner's signature.
func checkPrivate(t *testing.T, srv testenv.S3Server, bucket string) {
	t.Helper()
	ctx := context.Background()
	client, err := s3blob.NewClient(ctx, s3blob.ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	own, err := client.GetBucketOwnershipControls(ctx,
		&s3.GetBucketOwnershipControlsInput{Bucket: aws.String(bucket)})
	if err != nil || len(own.OwnershipControls.Rules) != 1 || own.OwnershipControls.Rules[0].
		ObjectOwnership != types.ObjectOwnershipBucketOwnerEnforced {
		t.Errorf("ownership controls %+v (%v), want BucketOwnerEnforced", own, err)
	}
	_, err = client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(bucket),
		Key: aws.String("probe.pdf"), Body: bytes.NewReader([]byte("%PDF-1.7 probe"))})
	if err != nil {
		t.Fatalf("put probe: %v", err)
	}
	for _, u := range []string{srv.Endpoint + "/" + bucket + "/probe.pdf",
		srv.Endpoint + "/" + bucket + "/"} {
		if code, body := httpGet(t, u); code != http.StatusForbidden {
			t.Errorf("unsigned GET %s = %d %s, want 403", u, code, body)
		}
	}
}

// serveS3 serves, until t ends, with the SQLite store and the blobs in the bucket, and asks
// for /readyz.
func serveS3(t *testing.T, blobs string) {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t))
	c, _, stderr := testCLI(map[string]string{"LICENSOR_BLOBS": blobs, "LICENSOR_ADDR": addr,
		"LICENSOR_DATA_DIR": t.TempDir()})
	serveUntilEnd(t, c, stderr, addr)
	if code, body := httpGet(t, "http://"+addr+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d %s, want 200", code, body)
	}
}
