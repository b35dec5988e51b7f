package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadRefusesWrongValues(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		key, val string
		want     string
	}{
		{"store_kind", "LICENSOR_STORE", "mysql",
			`LICENSOR_STORE: unknown kind "mysql" (want sqlite or dynamodb:TABLE)`},
		{"store_table", "LICENSOR_STORE", "dynamodb:a", `LICENSOR_STORE: "a" is not a DynamoDB`},
		{"store_no_table", "LICENSOR_STORE", "dynamodb", `LICENSOR_STORE: unknown kind "dynamodb"`},
		{"blobs_kind", "LICENSOR_BLOBS", "disk", `LICENSOR_BLOBS: unknown kind "disk"`},
		{"blobs_bucket", "LICENSOR_BLOBS", "s3:Bad_Bucket", `LICENSOR_BLOBS: "Bad_Bucket" is not`},
		{"addr", "LICENSOR_ADDR", "8080", `LICENSOR_ADDR: "8080" is not HOST:PORT`},
		{"addr_port", "LICENSOR_ADDR", ":http", `LICENSOR_ADDR: port "http" is not a number`},
		{"public_url", "LICENSOR_PUBLIC_URL", "localhost:8080", "LICENSOR_PUBLIC_URL: "},
		{"public_url_scheme", "LICENSOR_PUBLIC_URL", "ftp://x", "LICENSOR_PUBLIC_URL: "},
		{"public_url_query", "LICENSOR_PUBLIC_URL", "https://x/?a=1", "LICENSOR_PUBLIC_URL: "},
		{"public_url_plain_http", "LICENSOR_PUBLIC_URL", "http://portal.example",
			"LICENSOR_PUBLIC_URL: "},
		{"return_urls", "LICENSOR_RETURN_URLS", "https://ok.example,/relative",
			`LICENSOR_RETURN_URLS: "/relative" is not an absolute`},
		{"smtp_scheme", "LICENSOR_SMTP_URL", "http://u:secret@h",
			`LICENSOR_SMTP_URL: unknown scheme "http"`},
		{"smtp_host", "LICENSOR_SMTP_URL", "smtp://u:secret@",
			"LICENSOR_SMTP_URL: the URL has no host"},
		{"smtp_parse", "LICENSOR_SMTP_URL", "smtp://u:sec ret@h:x",
			"LICENSOR_SMTP_URL: not a valid"},
		{"smtp_port", "LICENSOR_SMTP_URL", "smtp://u:secret@h:0", "LICENSOR_SMTP_URL: smtp url: "},
		{"mail_from", "LICENSOR_MAIL_FROM", "nobody",
			`LICENSOR_MAIL_FROM: "nobody" is not a mail`},
		{"log_format", "LICENSOR_LOG_FORMAT", "xml", `LICENSOR_LOG_FORMAT: unknown format "xml"`},
		{"license_secret_short", "LICENSOR_LICENSE_SECRET", "00ff",
			"LICENSOR_LICENSE_SECRET: want at least 32"},
		{"license_secret_hex", "LICENSOR_LICENSE_SECRET", strings.Repeat("zz", 32),
			"LICENSOR_LICENSE_SECRET: want at least 32"},
		{"data_dir_file", "LICENSOR_DATA_DIR", file,
			"LICENSOR_DATA_DIR: " + file + " is not a dir"},
		{"data_dir_below_file", "LICENSOR_DATA_DIR", filepath.Join(file, "sub"),
			"LICENSOR_DATA_DIR: "},
		// /proc takes no new files, even from root.
		{"data_dir_readonly", "LICENSOR_DATA_DIR", "/proc/licensor-data",
			"LICENSOR_DATA_DIR: /proc is not writable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(nil, env(t, tt.key, tt.val), nil)
			if err == nil {
				t.Fatalf("Load accepted %s=%q", tt.key, tt.val)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.want) || strings.Contains(msg, "\n") || !IsUsage(err) {
				t.Errorf("error = %q, want one line starting %q", msg, tt.want)
			}
			if strings.Contains(msg, "secret") {
				t.Errorf("error %q repeats the SMTP password", msg)
			}
		})
	}
}

func TestLoadRefusesCommandLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown_flag", []string{"--addr=:1"}, "serve: flag provided but not defined: -addr"},
		{"stray_argument", []string{"extra"}, `serve: unexpected argument "extra"`},
		{"flag_value", []string{"--LICENSOR_STORE=mysql"}, `LICENSOR_STORE: unknown kind "mysql"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(tt.args, env(t), nil)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !IsUsage(err) {
				t.Errorf("Load(%q) = %v, want a usage error starting %q", tt.args, err, tt.want)
			}
		})
	}
}

// TestDataDirNotWritable needs a directory the test cannot write, which root always can.
func TestDataDirNotWritable(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("root writes any directory; TestLoadRefusesWrongValues covers unusable paths")
	}
	ro := t.TempDir()
	if err := os.Chmod(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	_, err := Load(nil, env(t, "LICENSOR_DATA_DIR", filepath.Join(ro, "data")), nil)
	if err == nil || !strings.Contains(err.Error(), "is not writable") {
		t.Errorf("Load = %v, want a not-writable error", err)
	}
}

// TestLicenseSecretRequiredWithoutDataDir: on DynamoDB and S3 nothing is kept in the data dir,
// so the key secret must come from the setting.
func TestLicenseSecretRequiredWithoutDataDir(t *testing.T) {
	t.Parallel()
	vars := map[string]string{"LICENSOR_STORE": "dynamodb:licensor", "LICENSOR_BLOBS": "s3:licensor-pdfs"}
	get := func(k string) string { return vars[k] }
	_, err := Load(nil, get, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "LICENSOR_LICENSE_SECRET: required") {
		t.Fatalf("Load without a secret or a data dir: %v", err)
	}
	vars["LICENSOR_LICENSE_SECRET"] = strings.Repeat("ab", 32)
	c, err := Load(nil, get, nil)
	if err != nil || len(c.LicenseSecret) != 32 {
		t.Fatalf("Load with a secret: %v", err)
	}
}
