package teststore

import (
	"context"
	"crypto/rand"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
	"github.com/licensorhq/licensor/internal/testenv"
)

func init() {
	openers["dynamodb"] = openDynamoDB
}

// openDynamoDB opens the DynamoDB engine on a fresh table of DynamoDB Local.
func openDynamoDB(t testing.TB, opts store.Options) Source {
	t.Helper()
	s, err := dynamo.Open(t.Context(), DynamoDBConfig(t), opts)
	if err != nil {
		t.Fatalf("open dynamodb test store: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close dynamodb test store: %v", err)
		}
	})
	return s
}

// DynamoDBConfig returns the config of a fresh table, uniquely named, in the DynamoDB Local that
// the test binary shares (see testenv.DynamoDB); the table is deleted when t ends. Options
// adjust the loading of the AWS config, such as middleware to add to the clients.
func DynamoDBConfig(t testing.TB, opts ...func(*config.LoadOptions) error) dynamo.Config {
	t.Helper()
	endpoint := testenv.DynamoDB(t)
	opts = append([]func(*config.LoadOptions) error{
		config.WithRegion(testenv.DynamoDBRegion),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(
			testenv.DynamoDBAccessKey, testenv.DynamoDBSecretKey, "")),
	}, opts...)
	ctx := context.Background()
	cfg, err := dynamo.NewConfig(ctx, "t"+strings.ToLower(rand.Text()), endpoint, opts...)
	if err != nil {
		t.Fatalf("configure dynamodb test store: %v", err)
	}
	if err := dynamo.CreateTable(ctx, cfg.DB, cfg.Table); err != nil {
		t.Fatalf("create dynamodb test table: %v", err)
	}
	t.Cleanup(func() {
		// A fresh context: t's own is done by the time cleanups run.
		if err := dynamo.DeleteTable(context.Background(), cfg.DB, cfg.Table); err != nil {
			t.Errorf("delete dynamodb test table: %v", err)
		}
	})
	return cfg
}
