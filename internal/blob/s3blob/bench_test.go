package s3blob

import (
	"bytes"
	"io"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const benchSize = 100 << 10 // a typical invoice PDF

// The S3 benchmarks run against versitygw, whose speed says nothing of S3's own; they measure
// this engine beside the bare SDK call on the same server (the Raw benchmarks), as a ratio.

func benchEnv(b *testing.B) (env, *Store) {
	b.Helper()
	e := newEnv(b)
	return e, e.store(b).Store
}

func BenchmarkPut(b *testing.B) {
	_, s := benchEnv(b)
	content := bytes.Repeat([]byte("x"), benchSize)
	b.SetBytes(benchSize)
	for b.Loop() {
		if _, err := s.Put(b.Context(), "k", bytes.NewReader(content), ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRawPut(b *testing.B) {
	e, s := benchEnv(b)
	content := bytes.Repeat([]byte("x"), benchSize)
	b.SetBytes(benchSize)
	for b.Loop() {
		_, err := e.client.PutObject(b.Context(), &s3.PutObjectInput{
			Bucket: aws.String(s.cfg.Bucket), Key: aws.String("k"),
			Body: bytes.NewReader(content)})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGet(b *testing.B) {
	_, s := benchEnv(b)
	s.Put(b.Context(), "k", bytes.NewReader(bytes.Repeat([]byte("x"), benchSize)), "")
	b.SetBytes(benchSize)
	for b.Loop() {
		rc, _, err := s.Get(b.Context(), "k")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, rc)
		rc.Close()
	}
}

func BenchmarkRawGet(b *testing.B) {
	e, s := benchEnv(b)
	s.Put(b.Context(), "k", bytes.NewReader(bytes.Repeat([]byte("x"), benchSize)), "")
	b.SetBytes(benchSize)
	for b.Loop() {
		out, err := e.client.GetObject(b.Context(), &s3.GetObjectInput{
			Bucket: aws.String(s.cfg.Bucket), Key: aws.String("k")}, ownChecksum)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, out.Body)
		out.Body.Close()
	}
}
