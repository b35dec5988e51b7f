package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/testenv"
)

var setupLink = regexp.MustCompile(`(http://[^ \n]+)/setup#token=([A-Za-z0-9_-]+)`)

// TestCreateUserWhileServing runs `admin create-user` against the data dir of a running server:
// the printed link works on that server, the mail with it goes through the server's outbox,
// and a second call for the same address changes nothing.
func TestCreateUserWhileServing(t *testing.T) {
	t.Parallel()
	addr := fmt.Sprintf("127.0.0.1:%d", testenv.FreePort(t))
	env := map[string]string{"LICENSOR_ADDR": addr, "LICENSOR_DATA_DIR": t.TempDir(),
		"LICENSOR_PUBLIC_URL": "http://" + addr, "LICENSOR_LOG_FORMAT": "json"}
	serverLog := &testenv.Buffer{}
	srv := &cli{stdout: serverLog, stderr: serverLog, getenv: func(k string) string { return env[k] }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.run(ctx, []string{"serve"}) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	testenv.WaitTCP(t, addr, 10*time.Second)

	c, stdout, _ := testCLI(env)
	args := []string{"admin", "create-user", "--email", " Zoe@Client.Example ", "--name",
		"Zoe Tester", "--vendor-admin"}
	if err := c.run(ctx, args); err != nil {
		t.Fatalf("create-user: %v", err)
	}
	m := setupLink.FindStringSubmatch(stdout.String())
	if m == nil || m[1] != "http://"+addr || !strings.Contains(stdout.String(), "zoe@client.example") {
		t.Fatalf("create-user printed %q, want the account and a link under the public URL", stdout)
	}
	waitLog(t, serverLog, m[0])

	again, stdout2, _ := testCLI(env)
	err := again.run(ctx, args)
	if code := exitCode(err, &bytes.Buffer{}); code != 1 || !strings.Contains(err.Error(), "exists") {
		t.Errorf("second create-user: exit %d (%v), want 1 saying the account exists", code, err)
	}
	if setupLink.MatchString(stdout2.String()) {
		t.Errorf("second create-user printed a link: %q", stdout2)
	}

	body := `{"token":"` + m[2] + `","password":"a long enough password for zoe"}`
	resp, err := http.Post("http://"+addr+"/api/v1/setup", "application/json",
		strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ User struct{ Email string } }
	err = json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || got.User.Email != "zoe@client.example" {
		t.Errorf("setup with the printed link: %d %+v %v, want 200", resp.StatusCode, got, err)
	}
}

// waitLog waits until the server's log holds s (the mail, written to the log without SMTP).
func waitLog(t *testing.T, log *testenv.Buffer, s string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(log.String(), s); {
		if time.Now().After(deadline) {
			t.Fatalf("the server never logged the mail with %s", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestCreateUserArguments: help, and command lines refused before the store is opened.
func TestCreateUserArguments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"help", []string{"--help"}, 0, "Usage: licensor admin create-user --email ADDRESS"},
		{"no_email", []string{"--name", "Zoe"}, 2, ""},
		{"no_name", []string{"--email", "zoe@client.example"}, 2, ""},
		{"bad_email", []string{"--email", "zoe@", "--name", "Zoe"}, 2, ""},
		{"stray", []string{"--email", "zoe@client.example", "--name", "Zoe", "x"}, 2, ""},
		{"unknown_flag", []string{"--admin"}, 2, ""},
		{"bad_store", []string{"--email", "zoe@client.example", "--name", "Zoe",
			"--LICENSOR_STORE=mysql"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, stdout, _ := testCLI(map[string]string{"LICENSOR_DATA_DIR": t.TempDir()})
			err := c.run(context.Background(), append([]string{"admin", "create-user"}, tt.args...))
			if code := exitCode(err, &bytes.Buffer{}); code != tt.code {
				t.Errorf("exit %d (%v), want %d", code, err, tt.code)
			}
			if !strings.HasPrefix(stdout.String(), tt.out) {
				t.Errorf("stdout = %q, want it to start %q", stdout, tt.out)
			}
		})
	}
	c, stdout, _ := testCLI(nil)
	_ = c.run(context.Background(), []string{"admin", "create-user", "--help"})
	for _, want := range []string{"--vendor-admin", "--LICENSOR_DATA_DIR=", "--LICENSOR_STORE=",
		"--LICENSOR_PUBLIC_URL="} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("create-user --help lacks %s", want)
		}
	}
}
