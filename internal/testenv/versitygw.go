package testenv

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// S3Server is a running S3-protocol server with the one account that may use it.
type S3Server struct {
	Endpoint  string // http://127.0.0.1:PORT
	AccessKey string
	SecretKey string
	Region    string // the region versitygw signs for
	DataDir   string // where the posix backend keeps each bucket as a directory
}

// Versitygw starts versitygw with its posix backend in a temporary directory on 127.0.0.1 and
// stops it when the test ends. The data directory is exposed so that tests can damage an object
// behind the server's back; each bucket is a directory of it and each object a file.
func Versitygw(t testing.TB) S3Server {
	t.Helper()
	bin := Tool(t, "versitygw")
	dir := t.TempDir()
	port := FreePort(t)
	srv := S3Server{
		Endpoint:  "http://127.0.0.1:" + strconv.Itoa(port),
		AccessKey: "test" + rand.Text()[:12],
		SecretKey: rand.Text(),
		Region:    "us-east-1",
		DataDir:   filepath.Join(dir, "data"),
	}
	mkdirs(t, srv.DataDir, filepath.Join(dir, "ver"))
	// The address goes into --port: given a bare port, versitygw listens on every interface.
	Start(t, bin,
		"--port", fmt.Sprintf("127.0.0.1:%d", port),
		"--access", srv.AccessKey, "--secret", srv.SecretKey,
		"--region", srv.Region,
		"posix", "--versioning-dir", filepath.Join(dir, "ver"), srv.DataDir)
	WaitTCP(t, fmt.Sprintf("127.0.0.1:%d", port), 20*time.Second)
	return srv
}

func mkdirs(t testing.TB, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatalf("create %s: %v", d, err)
		}
	}
}
