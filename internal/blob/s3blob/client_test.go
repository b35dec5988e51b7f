package s3blob

import (
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestNewClient runs without the usual AWS settings, so it cannot run in parallel.
func TestNewClient(t *testing.T) {
	none := filepath.Join(t.TempDir(), "none")
	for _, name := range []string{"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE",
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"} {
		t.Setenv(name, "")
	}
	t.Setenv("AWS_CONFIG_FILE", none)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", none)
	if _, err := NewClient(t.Context(), ClientOptions{}); err == nil {
		t.Error("NewClient without a region succeeded")
	}
	c, err := NewClient(t.Context(), ClientOptions{Region: "eu-west-3", PathStyle: true,
		Endpoint: "http://127.0.0.1:9"})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	o := c.Options()
	if o.Region != "eu-west-3" || !o.UsePathStyle || aws.ToString(o.BaseEndpoint) !=
		"http://127.0.0.1:9" {
		t.Errorf("client options: region %q, path style %v, endpoint %q", o.Region,
			o.UsePathStyle, aws.ToString(o.BaseEndpoint))
	}
	// Another endpoint than AWS's, given or from the environment, is addressed path-style.
	tests := []struct {
		name string
		opts ClientOptions
		env  string
		want bool
	}{
		{"aws", ClientOptions{Region: "eu-west-3"}, "", false},
		{"endpoint", ClientOptions{Region: "eu-west-3", Endpoint: "http://s3.internal:7070"}, "",
			true},
		{"env", ClientOptions{Region: "eu-west-3"}, "http://s3.internal:7070", true},
	}
	for _, tt := range tests {
		t.Setenv("AWS_ENDPOINT_URL_S3", tt.env)
		c, err := NewClient(t.Context(), tt.opts)
		if err != nil {
			t.Fatalf("%s: NewClient: %v", tt.name, err)
		}
		if got := c.Options().UsePathStyle; got != tt.want {
			t.Errorf("%s: path style %v, want %v", tt.name, got, tt.want)
		}
	}
}
