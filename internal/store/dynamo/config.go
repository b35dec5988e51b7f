package dynamo

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
)

// NewConfig builds the clients for table from the usual AWS settings (environment, shared
// files, the Lambda role). A non-empty endpoint, such as DynamoDB Local's, replaces AWS's for
// both clients; opts adjust the loading (region, credentials).
func NewConfig(ctx context.Context, table, endpoint string,
	opts ...func(*config.LoadOptions) error) (Config, error) {
	opts = append([]func(*config.LoadOptions) error{config.WithRetryer(newRetryer)}, opts...)
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return Config{}, fmt.Errorf("load aws config: %w", err)
	}
	db := dynamodb.NewFromConfig(awsCfg, func(o *dynamodb.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	streams := dynamodbstreams.NewFromConfig(awsCfg, func(o *dynamodbstreams.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	return Config{Table: table, DB: db, Streams: streams}, nil
}

// newRetryer retries throttled requests more patiently than the SDK's default of 3 attempts:
// on-demand tables throttle briefly while they scale to a new peak.
func newRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = 8
		o.MaxBackoff = 2 * time.Second
	})
}
