// Package storetest is the conformance suite of the storage contract in package store. Every
// engine runs it from its own tests:
//
//	func TestConformance(t *testing.T) { storetest.Run(t, openMyEngine) }
//
// The suite tests only what the contract promises, never how an engine keeps it, so that the
// SQLite and DynamoDB engines are held to the same rules. Where a rule comes from DynamoDB's
// semantics, a comment beside its test says so.
package storetest

import (
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// Opener returns a new, empty store with the given options; the test's cleanup closes it.
type Opener func(t *testing.T, opts store.Options) store.Store

// Run runs the whole suite against the engine that open opens. Subtests run in parallel, each on
// stores of its own. The change-feed tests run only when the engine implements store.ChangeReader.
func Run(t *testing.T, open func(t *testing.T, opts store.Options) store.Store) {
	t.Helper()
	for _, c := range suite {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, open)
		})
	}
}

var suite = []struct {
	name string
	run  func(t *testing.T, open Opener)
}{
	{"PutGetDelete", testPutGetDelete},
	{"Conditions", testConditions},
	{"ConditionErrorIndex", testConditionErrorIndex},
	{"Update", testUpdate},
	{"Query", testQuery},
	{"Paginate", testPaginate},
	{"Atomic", testAtomic},
	{"AtomicConcurrent", testAtomicConcurrent},
	{"Isolation", testIsolation},
	{"ConcurrentAdd", testConcurrentAdd},
	{"Expiry", testExpiry},
	{"Limits", testLimits},
	{"DynamoLimits", testDynamoLimits},
	{"ChangeFeed", testChangeFeed},
}
