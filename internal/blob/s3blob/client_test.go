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
}
