package s3blob

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
)

// ClientOptions adjusts the client NewClient builds from the usual AWS settings (environment,
// shared config files, the Lambda or EC2 role).
type ClientOptions struct {
	// Endpoint replaces AWS's own, for an S3-protocol server (http://127.0.0.1:7070). The SDK
	// also reads AWS_ENDPOINT_URL_S3 by itself.
	Endpoint string
	// PathStyle addresses buckets as ENDPOINT/BUCKET/KEY rather than BUCKET.ENDPOINT/KEY, which
	// most S3-protocol servers need. It is on anyway whenever an endpoint replaces AWS's own
	// (Endpoint, AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_S3): every S3-protocol server answers
	// path-style, few serve a host name per bucket.
	PathStyle bool
	// Region overrides AWS_REGION and the shared config.
	Region string
	// AccessKey and SecretKey, when both set, replace the default credential chain.
	AccessKey, SecretKey string
}

// NewClient returns an S3 client for o.
func NewClient(ctx context.Context, o ClientOptions) (*s3.Client, error) {
	var load []func(*config.LoadOptions) error
	if o.Region != "" {
		load = append(load, config.WithRegion(o.Region))
	}
	if o.AccessKey != "" && o.SecretKey != "" {
		load = append(load, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(o.AccessKey, o.SecretKey, "")))
	}
	cfg, err := config.LoadDefaultConfig(ctx, load...)
	if err != nil {
		return nil, fmt.Errorf("load AWS settings: %w", err)
	}
	if cfg.Region == "" {
		return nil, errors.New("load AWS settings: no region; set AWS_REGION")
	}
	return s3.NewFromConfig(cfg, func(so *s3.Options) {
		if o.Endpoint != "" {
			so.BaseEndpoint = aws.String(o.Endpoint)
		}
		// The SDK has set BaseEndpoint from the environment before it calls this.
		so.UsePathStyle = o.PathStyle || so.BaseEndpoint != nil
	}), nil
}

func errorCode(err error) string {
	var api smithy.APIError
	if errors.As(err, &api) {
		return api.ErrorCode()
	}
	return ""
}
