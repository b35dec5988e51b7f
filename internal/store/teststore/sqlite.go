package teststore

import (
	"path/filepath"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/sqlite"
)

func init() {
	openers["sqlite"] = openSQLite
}

// openSQLite opens a SQLite store on a file in t's temporary directory.
func openSQLite(t testing.TB, opts store.Options) Source {
	t.Helper()
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "store.db"), opts)
	if err != nil {
		t.Fatalf("open sqlite test store: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close sqlite test store: %v", err)
		}
	})
	return s
}
