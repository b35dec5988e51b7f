package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/config"
)

// testCLI returns a cli over the given environment, writing into buffers.
func testCLI(env map[string]string) (*cli, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	return &cli{stdout: &stdout, stderr: &stderr, getenv: func(k string) string { return env[k] }},
		&stdout, &stderr
}

func TestServeHelpListsEverySetting(t *testing.T) {
	t.Parallel()
	c, stdout, _ := testCLI(nil)
	err := c.run(context.Background(), []string{"serve", "--help"})
	if code := exitCode(err, &bytes.Buffer{}); code != 0 {
		t.Fatalf("serve --help: exit %d (%v), want 0", code, err)
	}
	for _, s := range config.Settings() {
		want := fmt.Sprintf("(env %s, default %q)", s.Name, s.Default)
		if !strings.Contains(stdout.String(), "--"+s.Name+"=") ||
			!strings.Contains(stdout.String(), want) {
			t.Errorf("help lacks --%s with %s", s.Name, want)
		}
	}
}

// TestServeRefusesWrongValues: one line naming the setting, exit status 2, and nothing created.
func TestServeRefusesWrongValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"store", nil, []string{"--LICENSOR_STORE=mysql"},
			`licensor: LICENSOR_STORE: unknown kind "mysql" (want sqlite or dynamodb:TABLE)`},
		{"store_env", map[string]string{"LICENSOR_STORE": "mysql"}, nil,
			`licensor: LICENSOR_STORE: unknown kind "mysql"`},
		{"public_url", nil, []string{"--LICENSOR_PUBLIC_URL=localhost"},
			"licensor: LICENSOR_PUBLIC_URL: "},
		{"log_format", map[string]string{"LICENSOR_LOG_FORMAT": "xml"}, nil,
			"licensor: LICENSOR_LOG_FORMAT: "},
		{"unknown_flag", nil, []string{"--port=1"},
			"licensor: serve: flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "data")
			env := map[string]string{"LICENSOR_DATA_DIR": dir, "LICENSOR_ADDR": "127.0.0.1:0"}
			for k, v := range tt.env {
				env[k] = v
			}
			c, _, _ := testCLI(env)
			err := c.run(context.Background(), append([]string{"serve"}, tt.args...))
			var stderr bytes.Buffer
			if code := exitCode(err, &stderr); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			line := stderr.String()
			if !strings.HasPrefix(line, tt.want) || strings.Count(line, "\n") != 1 {
				t.Errorf("stderr = %q, want one line starting %q", line, tt.want)
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the data dir was created (stat: %v)", err)
			}
		})
	}
}

// TestServeRefusesBusyAddress: a port in use stops the start, naming the setting, before the
// data directory, the store or a setup link is made.
func TestServeRefusesBusyAddress(t *testing.T) {
	t.Parallel()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	dir := filepath.Join(t.TempDir(), "data")
	c, stdout, _ := testCLI(map[string]string{"LICENSOR_DATA_DIR": dir,
		"LICENSOR_ADDR": busy.Addr().String()})
	var stderr bytes.Buffer
	if code := exitCode(c.run(context.Background(), []string{"serve"}), &stderr); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	want := "licensor: LICENSOR_ADDR: listen on " + busy.Addr().String() + ": "
	if line := stderr.String(); !strings.HasPrefix(line, want) || strings.Count(line, "\n") != 1 {
		t.Errorf("stderr = %q, want one line starting %q", line, want)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the data dir was created (stat: %v)", err)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout = %q, want nothing (no setup link)", stdout)
	}
}

func TestCommands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
	}{
		{"version", []string{"version"}, 0, "licensor "},
		{"help", []string{"help"}, 0, "Usage: licensor COMMAND"},
		{"none", nil, 2, ""},
		{"unknown", []string{"frobnicate"}, 2, ""},
		{"backup_no_file", []string{"backup"}, 2, ""},
		{"admin_unknown", []string{"admin", "drop-table"}, 2, ""},
		{"create_table_on_sqlite", []string{"admin", "create-table"}, 2, ""},
		{"create_bucket_on_files", []string{"admin", "create-bucket"}, 2, ""},
		{"create_bucket_argument", []string{"admin", "create-bucket", "--LICENSOR_BLOBS=s3:b-1",
			"extra"}, 2, ""},
		{"create_bucket_help", []string{"admin", "create-bucket", "--help"}, 0,
			"Usage: licensor admin create-bucket"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, stdout, _ := testCLI(nil)
			err := c.run(context.Background(), tt.args)
			if code := exitCode(err, &bytes.Buffer{}); code != tt.code {
				t.Errorf("exit %d (%v), want %d", code, err, tt.code)
			}
			if !strings.HasPrefix(stdout.String(), tt.stdout) {
				t.Errorf("stdout = %q, want it to start %q", stdout, tt.stdout)
			}
		})
	}
}
