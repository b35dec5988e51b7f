package s3blob

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/licensorhq/licensor/internal/blob"
	"github.com/licensorhq/licensor/internal/blob/blobtest"
	"github.com/licensorhq/licensor/internal/testenv"
)

func TestConformance(t *testing.T) {
	t.Parallel()
	env := newEnv(t)
	blobtest.Run(t, func(t *testing.T) blob.Store { return env.store(t) })
}

// env is one versitygw and a client of it; each store gets a fresh bucket.
type env struct {
	srv    testenv.S3Server
	client *s3.Client
}

func newEnv(t testing.TB) env {
	t.Helper()
	srv := testenv.Versitygw(t)
	c, err := NewClient(t.Context(), ClientOptions{Endpoint: srv.Endpoint, PathStyle: true,
		Region: srv.Region, AccessKey: srv.AccessKey, SecretKey: srv.SecretKey})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return env{srv: srv, client: c}
}

func (e env) store(t testing.TB) tamperable {
	t.Helper()
	bucket := e.bucket(t)
	s, err := Open(t.Context(), Config{Bucket: bucket, Client: e.client})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return tamperable{Store: s, dir: filepath.Join(e.srv.DataDir, bucket)}
}

func (e env) bucket(t testing.TB) string {
	t.Helper()
	name := "test-" + strings.ToLower(rand.Text()[:16])
	if _, err := EnsureBucket(t.Context(), e.client, name); err != nil {
		t.Fatalf("EnsureBucket: %v", err)
	}
	return name
}

// tamperable damages objects in versitygw's own files: its posix backend keeps each object as
// a file named by its key, with the metadata in extended attributes that a write leaves alone.
type tamperable struct {
	*Store
	dir string
}

func (s tamperable) Tamper(t testing.TB, key string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(s.dir, filepath.FromSlash(key)), os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("open object file to tamper with it: %v", err)
	}
	defer f.Close()
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, 1000); err != nil {
		t.Fatalf("read byte to tamper with: %v", err)
	}
	b[0] ^= 0x5a
	if _, err := f.WriteAt(b, 1000); err != nil {
		t.Fatalf("tamper: %v", err)
	}
}
