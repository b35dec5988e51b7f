package teststore

import (
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// All returns the bodies of every item q finds, decoded into T, in the query's order, page
// after page; it fails the test on an error. Tests read what a service wrote with it (the
// mails it queued, the audit events it logged).
func All[T any](t testing.TB, st store.Store, q store.Query) []T {
	t.Helper()
	var out []T
	for {
		page, err := st.Query(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			var v T
			if err := it.Decode(&v); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		if page.Cursor == "" {
			return out
		}
		q.Cursor = page.Cursor
	}
}
