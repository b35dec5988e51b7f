// Package teststore opens a store for domain tests: the engine that the environment variable
// LICENSOR_TEST_STORE names ("" or "sqlite" for SQLite, the default), on fresh storage of the
// test's own, closed when the test ends.
//
// Engines register themselves in files of this package, one file each, by adding an opener to
// openers in an init function; adding an engine touches no other file.
package teststore

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// EnvVar names the engine domain tests run on.
const EnvVar = "LICENSOR_TEST_STORE"

// openers maps engine names to functions that open a new, empty store for t and close it at t's
// cleanup.
var openers = map[string]func(t testing.TB, opts store.Options) Source{}

// Source is a store that also reads its change feed, as every engine does.
type Source interface {
	store.Store
	store.ChangeReader
}

// Open returns a new, empty store of the engine LICENSOR_TEST_STORE names, closed when t ends.
// Its change feed carries the types that opts.Streamed names.
func Open(t testing.TB, opts store.Options) Source {
	t.Helper()
	name := os.Getenv(EnvVar)
	if name == "" {
		name = "sqlite"
	}
	open, ok := openers[name]
	if !ok {
		t.Fatalf("%s=%q names no engine; known: %s", EnvVar, name, strings.Join(engines(), ", "))
	}
	return open(t, opts)
}

func engines() []string {
	names := make([]string, 0, len(openers))
	for n := range openers {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
