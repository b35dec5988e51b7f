package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// LicensorModule is the import path of the licensor command that Licensor builds.
const LicensorModule = "github.com/licensorhq/licensor/cmd/licensor"

// BuildLicensor builds the licensor binary into a temporary directory of the test and returns
// its path. The go command's build cache keeps a rebuild to a link.
func BuildLicensor(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "licensor")
	cmd := exec.Command(goCommand(), "build", "-o", bin, LicensorModule)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build licensor: %v\n%s", err, out)
	}
	return bin
}

// goCommand is the go command that runs this test, so that the binary is built by the same
// toolchain: go test puts its GOROOT in the test's environment. Otherwise it is the go command
// on PATH, which follows GOTOOLCHAIN and go.mod to the same toolchain.
func goCommand() string {
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Licensor builds and starts `licensor serve` on 127.0.0.1 at a free port with a fresh data
// directory, plus the given flags (--LICENSOR_...=VALUE, which win over the environment), waits
// until it listens, and returns its base URL and its process. It is stopped when the test ends.
func Licensor(t testing.TB, flags ...string) (string, *exec.Cmd) {
	t.Helper()
	bin := BuildLicensor(t)
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	args := append([]string{"serve", "--LICENSOR_ADDR=" + addr,
		"--LICENSOR_DATA_DIR=" + filepath.Join(t.TempDir(), "data")}, flags...)
	cmd := Start(t, bin, args...)
	WaitTCP(t, addr, 30*time.Second)
	return "http://" + addr, cmd
}
