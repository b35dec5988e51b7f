package sqlite

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// TestQueryPlans checks that every shape of query is an index range scan, never a table scan or
// a sort: pages stay cheap however large the table grows.
func TestQueryPlans(t *testing.T) {
	t.Parallel()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "db"), store.Options{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	cur := cursorAfter(store.GSI1, store.Item{Key: store.Key{PK: "p", SK: "s"}})
	for _, ix := range []store.Index{store.Primary, store.GSI1, store.GSI2} {
		for _, q := range []store.Query{
			{PK: "p"}, {PK: "p", Prefix: "a", Backward: true, Limit: 5},
			{PK: "p", From: "a", To: "b", Cursor: cur}, {PK: "p", Cursor: cur, Backward: true},
		} {
			q.Index = ix
			checkPlan(t, s, q)
		}
	}
}

func checkPlan(t *testing.T, s *Store, q store.Query) {
	t.Helper()
	text, args, err := s.querySQL(q)
	if err != nil {
		t.Fatalf("query sql: %v", err)
	}
	rows, err := s.rdb.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+text, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatalf("scan plan: %v", err)
		}
		plan = append(plan, detail)
	}
	all := strings.Join(plan, "; ")
	if !strings.Contains(all, "SEARCH") || strings.Contains(all, "TEMP B-TREE") {
		t.Errorf("plan of %+v: %s", q, all)
	}
	t.Logf("%s %+v: %s", q.Index, q, all)
}
