package dynamo_test

import (
	"context"
	"crypto/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/middleware"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
	"github.com/licensorhq/licensor/internal/testenv"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testenv.StopDynamoDB()
	os.Exit(code)
}

// localConfig returns a config for a fresh, uniquely named table in the shared DynamoDB Local,
// deleted when the test ends.
// Middleware, if any, is added to the clients.
func localConfig(t testing.TB, mw ...func(*middleware.Stack) error) dynamo.Config {
	t.Helper()
	endpoint := testenv.DynamoDB(t)
	ctx := context.Background()
	cfg, err := dynamo.NewConfig(ctx, "t"+strings.ToLower(rand.Text()), endpoint,
		config.WithRegion(testenv.DynamoDBRegion),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(
			testenv.DynamoDBAccessKey, testenv.DynamoDBSecretKey, "")),
		config.WithAPIOptions(mw))
	if err != nil {
		t.Fatal(err)
	}
	if err := dynamo.CreateTable(ctx, cfg.DB, cfg.Table); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := dynamo.DeleteTable(context.Background(), cfg.DB, cfg.Table); err != nil {
			t.Errorf("clean up: %v", err)
		}
	})
	return cfg
}

// openLocal opens the engine on a fresh table.
func openLocal(t testing.TB, opts store.Options) *dynamo.Store {
	t.Helper()
	s, err := dynamo.Open(context.Background(), localConfig(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

type dynamoStore = dynamo.Store

// clock is a settable store clock.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }
