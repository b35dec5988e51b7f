package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

// TestSIGTERM runs the built binary and stops it with SIGTERM, as a service manager does: it
// must shut down gracefully and exit with status 0.
func TestSIGTERM(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	base, cmd := testenv.Licensor(t)
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("licensor after SIGTERM: %v, want exit status 0", err)
	}
}

// TestSIGTERMDrainsRequests: a request whose body is still arriving when SIGTERM comes is
// answered in full, while new connections are refused, and the process then exits with 0.
func TestSIGTERMDrainsRequests(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	base, cmd := testenv.Licensor(t)
	addr := strings.TrimPrefix(base, "http://")
	waitHealthy(t, base)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A first request on the connection makes sure the server accepted it: a connection still
	// in the listener's backlog is reset when the listener closes.
	in := bufio.NewReader(conn)
	if _, err := io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	first, err := http.ReadResponse(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, first.Body)
	first.Body.Close()
	body := `{"email":"nobody@example.com","password":"not the password at all"}`
	head := "POST /api/v1/session HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json" +
		"\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\nConnection: close\r\n\r\n"
	if _, err := io.WriteString(conn, head+body[:10]); err != nil {
		t.Fatal(err)
	}
	// The server reads the head as it arrives, and the connection is then busy, not idle: a
	// moment lets that happen before the signal even on a loaded machine.
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitRefused(t, addr)
	if _, err := io.WriteString(conn, body[10:]); err != nil {
		t.Fatalf("send the rest of the body after SIGTERM: %v", err)
	}
	resp, err := http.ReadResponse(in, nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the request in flight: status %d, want 401", resp.StatusCode)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("licensor after SIGTERM: %v, want exit status 0", err)
	}
}

// waitHealthy waits until the server answers /readyz with 200.
func waitHealthy(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server is not ready: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitRefused waits until addr refuses new connections: the shutdown has begun.
func waitRefused(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			return
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("new connections are still accepted after SIGTERM")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
