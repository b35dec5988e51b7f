// Package testenv starts the real servers that tests run against (Mailpit, DynamoDB Local,
// versitygw, Licensor itself) on 127.0.0.1 at free ports, and stops them by process id when the
// test ends. The binaries come from the cache that `scripts/tools.sh` fills; when one is missing,
// the test is skipped, unless LICENSOR_REQUIRE_TOOLS=1 (set by `make test`) makes it fail.
package testenv

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Tool returns the path of a tool from the cache, skipping or failing the test when it is missing.
func Tool(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join(CacheDir(), "bin", name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	Missing(t, name+" is not installed; run scripts/tools.sh")
	return ""
}

// Missing skips the test for a missing tool, or fails it when tools are required.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("LICENSOR_REQUIRE_TOOLS") == "1" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// CacheDir is where scripts/tools.sh keeps what it installs.
func CacheDir() string {
	if d := os.Getenv("LICENSOR_CACHE"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "licensor")
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "licensor")
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Start runs a command in its own process group, with its output in the test log on failure,
// and stops it (the whole group, by process id) when the test ends, unless the test waited for
// it already.
func Start(t testing.TB, name string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := os.CreateTemp(t.TempDir(), filepath.Base(name)+"-*.log")
	if err != nil {
		t.Fatalf("create log for %s: %v", name, err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	t.Cleanup(func() {
		// A test that waited for the command itself has let its process id go: it may name
		// another process group by now, which must not be killed.
		if cmd.ProcessState == nil {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			_ = cmd.Wait()
		}
		if t.Failed() {
			b, _ := os.ReadFile(out.Name())
			t.Logf("%s output:\n%s", filepath.Base(name), b)
		}
	})
	return cmd
}

// WaitTCP waits until addr accepts connections, failing the test after timeout.
func WaitTCP(t testing.TB, addr string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not listen within %s: %v", addr, timeout, fmt.Sprint(err))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
