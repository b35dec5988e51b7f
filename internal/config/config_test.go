package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// env returns a getenv over the given variables, with the data dir in a fresh temporary folder.
func env(t *testing.T, kv ...string) func(string) string {
	t.Helper()
	m := map[string]string{"LICENSOR_DATA_DIR": filepath.Join(t.TempDir(), "data")}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestLoadDefaults(t *testing.T) {
	t.Parallel()
	c, err := Load(nil, env(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"Addr", c.Addr, ":8080"},
		{"PublicURL", c.PublicURL.String(), "http://localhost:8080"},
		{"Store", string(c.Store), "sqlite"},
		{"Blobs", string(c.Blobs), "file"},
		{"MailFrom", c.MailFrom.Address, "licensor@localhost"},
		{"LogFormat", c.LogFormat, "text"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s = %q, want %q", ch.name, ch.got, ch.want)
		}
	}
	if c.SMTPURL != nil || len(c.ReturnURLs) != 0 || c.HTTPS() {
		t.Errorf("SMTPURL %v, ReturnURLs %v, HTTPS %v; want nil, none, false",
			c.SMTPURL, c.ReturnURLs, c.HTTPS())
	}
}

func TestLoadFlagOverridesEnv(t *testing.T) {
	t.Parallel()
	getenv := env(t, "LICENSOR_ADDR", "127.0.0.1:1", "LICENSOR_STORE", "dynamodb:licensor",
		"LICENSOR_RETURN_URLS", "https://a.example/x, https://b.example")
	args := []string{"--LICENSOR_ADDR=127.0.0.1:2", "-LICENSOR_LOG_FORMAT", "json"}
	c, err := Load(args, getenv, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:2" || c.LogFormat != "json" {
		t.Errorf("Addr %q, LogFormat %q; want the flags' values", c.Addr, c.LogFormat)
	}
	if c.Store != StoreDynamoDB || c.Table != "licensor" {
		t.Errorf("Store %q table %q, want dynamodb licensor", c.Store, c.Table)
	}
	if len(c.ReturnURLs) != 2 || c.ReturnURLs[1].Host != "b.example" {
		t.Errorf("ReturnURLs = %v", c.ReturnURLs)
	}
}

func TestLoadCreatesNothing(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "a", "b")
	c, err := Load(nil, env(t, "LICENSOR_DATA_DIR", dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Load created %s (stat: %v)", filepath.Dir(dir), err)
	}
	if err := c.Prepare(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("Prepare did not create %s: %v", dir, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("data dir holds %d leftovers, want none", len(entries))
	}
}

func TestHelpListsEverySetting(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if _, err := Load([]string{"--help"}, env(t), &b); !errors.Is(err, ErrHelp) {
		t.Fatalf("Load(--help) = %v, want ErrHelp", err)
	}
	for _, s := range Settings() {
		want := "(env " + s.Name + `, default "` + s.Default + `")`
		if !strings.Contains(b.String(), "--"+s.Name+"=") || !strings.Contains(b.String(), want) {
			t.Errorf("help lacks %s with %s:\n%s", s.Name, want, b.String())
		}
	}
}

// TestReadmeListsEverySetting keeps the README's configuration table in step with the code.
func TestReadmeListsEverySetting(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skipf("no README: %v", err)
	}
	for _, s := range Settings() {
		def := "empty"
		if s.Default != "" {
			def = "`" + s.Default + "`"
		}
		if !strings.Contains(string(readme), "| `"+s.Name+"` | "+def+" |") {
			t.Errorf("README.md has no row for %s with default %s", s.Name, def)
		}
	}
}

func TestParseSubset(t *testing.T) {
	t.Parallel()
	cmd := Command{Name: "backup", Settings: []string{"LICENSOR_DATA_DIR"}, Help: "Usage: backup\n"}
	getenv := env(t, "LICENSOR_STORE", "mysql") // not read by this command
	c, rest, err := Parse(cmd, []string{"--LICENSOR_DATA_DIR=/srv/x", "out.db"}, getenv, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.DataDir != "/srv/x" || len(rest) != 1 || rest[0] != "out.db" {
		t.Errorf("DataDir %q, rest %q; want /srv/x, [out.db]", c.DataDir, rest)
	}
	_, _, err = Parse(cmd, []string{"--LICENSOR_ADDR=:1"}, getenv, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "backup: flag provided but not defined") {
		t.Errorf("Parse with a flag of another command = %v", err)
	}
	var b strings.Builder
	if _, _, err := Parse(cmd, []string{"-h"}, getenv, &b); !errors.Is(err, ErrHelp) ||
		!strings.Contains(b.String(), "--LICENSOR_DATA_DIR=") ||
		strings.Contains(b.String(), "LICENSOR_ADDR") {
		t.Errorf("help = %v:\n%s", err, b.String())
	}
}
