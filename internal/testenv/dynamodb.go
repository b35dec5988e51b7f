package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// DynamoDBRegion and the dummy credentials are what clients of DynamoDB Local sign with; it
// checks neither.
const (
	DynamoDBRegion    = "us-east-1"
	DynamoDBAccessKey = "local"
	DynamoDBSecretKey = "local"
)

// dynamoDBLocal is the one DynamoDB Local of the test binary: Java starts too slowly for one per
// test, and tables (one per test, uniquely named) keep tests apart.
var dynamoDBLocal struct {
	once     sync.Once
	cmd      *exec.Cmd
	log      string
	endpoint string
	err      error
}

// DynamoDB returns the endpoint (http://127.0.0.1:PORT) of the DynamoDB Local shared by the
// tests of this binary, starting it on first use. It runs in memory and is stopped by process
// id: by StopDynamoDB, which a TestMain may call, or else by the kernel when the test binary
// exits. DynamoDB Local binds every interface; clients must use the returned address.
func DynamoDB(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(CacheDir(), "dynamodb-local", "current")
	if _, err := os.Stat(filepath.Join(dir, "DynamoDBLocal.jar")); err != nil {
		Missing(t, "DynamoDB Local is not installed; run scripts/tools.sh")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		Missing(t, "java is not installed; run scripts/tools.sh")
	}
	d := &dynamoDBLocal
	d.once.Do(func() { d.err = startDynamoDB(java, dir) })
	if d.err != nil {
		t.Fatalf("start DynamoDB Local: %v", d.err)
	}
	return d.endpoint
}

// StopDynamoDB stops the shared DynamoDB Local, if it was started.
func StopDynamoDB() {
	d := &dynamoDBLocal
	if d.cmd == nil {
		return
	}
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
	_ = os.Remove(d.log)
	d.cmd = nil
}
