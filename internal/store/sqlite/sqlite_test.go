package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/sqlite"
	"github.com/licensorhq/licensor/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, openTest)
}

// openTest opens a store on a new file, closed when the test ends.
func openTest(t *testing.T, opts store.Options) store.Store {
	t.Helper()
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "test.db"), opts)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}
