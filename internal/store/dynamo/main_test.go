package dynamo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go/middleware"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/testenv"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testenv.StopDynamoDB()
	os.Exit(code)
}

// localConfig returns the config of a fresh table in the shared DynamoDB Local; middleware, if
// any, is added to its clients.
func localConfig(t testing.TB, mw ...func(*middleware.Stack) error) dynamo.Config {
	t.Helper()
	return teststore.DynamoDBConfig(t, config.WithAPIOptions(mw))
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
