package s3blob

import (
	"bytes"
	"errors"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/licensorhq/licensor/internal/blob"
)

// TestS3 holds what the conformance suite cannot reach, on one versitygw.
func TestS3(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tests := []struct {
		name string
		run  func(*testing.T, env)
	}{
		{"TTLLimits", testTTLLimits},
		{"FileNameRequired", testFileNameRequired},
		{"EnsureBucket", testEnsureBucket},
		{"OpenRefusals", testOpenRefusals},
		{"MaxPutSize", testMaxPutSize},
		{"Unsealed", testUnsealed},
		{"SealTampered", testSealTampered},
		{"RequestHeaders", testRequestHeaders},
		{"RequestCounts", testRequestCounts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.run(t, e)
		})
	}
}

func testTTLLimits(t *testing.T, e env) {
	s := e.store(t)
	if _, err := s.Put(t.Context(), "k", bytes.NewReader([]byte("x")), ""); err != nil {
		t.Fatalf("Put: %v", err)
	}
	for _, ttl := range []time.Duration{0, -time.Minute, 500 * time.Millisecond,
		MaxTTL + time.Second, time.Hour} {
		if _, err := s.SignedURL(t.Context(), "k", "k.pdf", ttl); err == nil {
			t.Errorf("SignedURL with ttl %s succeeded", ttl)
		}
		if _, err := s.SignedUpload(t.Context(), "u", 10, ttl); err == nil {
			t.Errorf("SignedUpload with ttl %s succeeded", ttl)
		}
	}
	u, err := s.SignedURL(t.Context(), "k", "k.pdf", MaxTTL)
	if err != nil {
		t.Fatalf("SignedURL with ttl MaxTTL: %v", err)
	}
	if q := mustQuery(t, u); q.Get("X-Amz-Expires") != "300" {
		t.Errorf("X-Amz-Expires = %q, want 300", q.Get("X-Amz-Expires"))
	}
}

func mustQuery(t *testing.T, u string) url.Values {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatalf("parse %s: %v", u, err)
	}
	return p.Query()
}

func testFileNameRequired(t *testing.T, e env) {
	s := e.store(t)
	if _, err := s.Put(t.Context(), "k", bytes.NewReader([]byte("x")), ""); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if _, err := s.SignedURL(t.Context(), "k", "", time.Minute); err == nil {
		t.Error("SignedURL without a file name succeeded")
	}
}

// testEnsureBucket checks that it can run again on its bucket, and names the settings
// versitygw does not implement, so that a change in versitygw shows here.
func testEnsureBucket(t *testing.T, e env) {
	name := e.bucket(t)
	skipped, err := EnsureBucket(t.Context(), e.client, name)
	if err != nil {
		t.Fatalf("EnsureBucket on an existing bucket: %v", err)
	}
	if want := []string{"public_access_block", "default_encryption"}; !slices.Equal(skipped, want) {
		t.Errorf("skipped settings %q, want %q", skipped, want)
	}
	if _, err := EnsureBucket(t.Context(), e.client, "Bad_Name"); err == nil {
		t.Error("EnsureBucket with an invalid bucket name succeeded")
	}
}

func testOpenRefusals(t *testing.T, e env) {
	if _, err := Open(t.Context(), Config{Bucket: "no-such-bucket", Client: e.client}); err == nil {
		t.Error("Open on a missing bucket succeeded")
	}
	if _, err := Open(t.Context(), Config{Bucket: "b"}); err == nil {
		t.Error("Open without a client succeeded")
	}
}

func testMaxPutSize(t *testing.T, e env) {
	s, err := Open(t.Context(), Config{Bucket: e.bucket(t), Client: e.client, MaxPutSize: 1000})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := s.Put(t.Context(), "fits", bytes.NewReader(make([]byte, 1000)), ""); err != nil {
		t.Errorf("Put of MaxPutSize bytes: %v", err)
	}
	if _, err := s.Put(t.Context(), "over", bytes.NewReader(make([]byte, 1001)), ""); err == nil {
		t.Error("Put over MaxPutSize succeeded")
	}
	if _, err := s.Stat(t.Context(), "over"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat after a refused Put: %v, want ErrNotFound", err)
	}
}

// rawPut writes an object as a signed upload does: without the SHA-256 metadata.
func rawPut(t *testing.T, e env, s tamperable, key string, content []byte) {
	t.Helper()
	_, err := e.client.PutObject(t.Context(), &s3.PutObjectInput{Bucket: aws.String(s.cfg.Bucket),
		Key: aws.String(key), Body: bytes.NewReader(content)})
	if err != nil {
		t.Fatalf("PutObject: %v", err)
	}
}
