package testenv

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"
)

// startDynamoDB runs DynamoDB Local from dir and waits until it listens.
func startDynamoDB(java, dir string) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	log, err := os.CreateTemp("", "dynamodb-local-*.log")
	if err != nil {
		return fmt.Errorf("create log: %w", err)
	}
	defer log.Close()
	cmd := exec.Command(java,
		"-Xmx768m", "-XX:+UseSerialGC", // small and calm on a shared machine
		"-Djava.library.path="+filepath.Join(dir, "DynamoDBLocal_lib"),
		"-jar", filepath.Join(dir, "DynamoDBLocal.jar"),
		"-inMemory", "-port", strconv.Itoa(port), "-disableTelemetry")
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, log, log
	// Pdeathsig kills the server when the thread that started it ends, so with the thread
	// locked and kept, when the test binary exits, however it exits.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	exited, err := startLocked(cmd)
	if err != nil {
		return fmt.Errorf("start java: %w", err)
	}
	d := &dynamoDBLocal
	d.cmd, d.log = cmd, log.Name()
	d.endpoint = "http://127.0.0.1:" + strconv.Itoa(port)
	if err := waitListen(net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), exited); err != nil {
		out, _ := os.ReadFile(log.Name())
		StopDynamoDB()
		return fmt.Errorf("%w; output:\n%s", err, out)
	}
	return nil
}

// startLocked starts cmd from a goroutine that keeps its OS thread for the life of the process,
// and returns a channel closed when cmd exits.
func startLocked(cmd *exec.Cmd) (<-chan struct{}, error) {
	started, exited := make(chan error), make(chan struct{})
	go func() {
		runtime.LockOSThread() // never unlocked: the thread must outlive the server
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		_ = cmd.Wait()
		close(exited) // the thread may end now: there is no server left to signal
	}()
	return exited, <-started
}

// waitListen waits for addr to accept connections; Java and DynamoDB Local take seconds.
func waitListen(addr string, exited <-chan struct{}) error {
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			return c.Close()
		}
		select {
		case <-exited:
			return errors.New("DynamoDB Local exited")
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("DynamoDB Local did not listen on %s within 90s", addr)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
