package dynamo_test

import (
	"testing"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/storetest"
)

// TestConformance runs the storage contract's suite against the engine on DynamoDB Local.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, opts store.Options) store.Store {
		return openLocal(t, opts)
	})
}
