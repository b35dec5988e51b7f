package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/licensorhq/licensor/internal/store"
)

// queryItems are the items the query cases select from. The secondary index keys run in another
// order than the primary keys, and GSI1's partition "g1" takes items from two table partitions.
var queryItems = []store.Item{
	{Key: key("q", "a#1"), GSI1: store.IndexKey{PK: "g1", SK: "x3"}},
	{Key: key("q", "a#2"), GSI1: store.IndexKey{PK: "g1", SK: "x1"}},
	{Key: key("q", "a#3"), GSI1: store.IndexKey{PK: "g1", SK: "x2"}},
	{Key: key("q", "b#1"), GSI2: store.IndexKey{PK: "g2", SK: "y2"}},
	{Key: key("q", "b#2"), GSI2: store.IndexKey{PK: "g2", SK: "y1"}},
	{Key: key("q", "c")},
	{Key: key("q2", "z"), GSI1: store.IndexKey{PK: "g1", SK: "x0"},
		GSI2: store.IndexKey{PK: "g2", SK: "y3"}},
}

var queryCases = []struct {
	name string
	q    store.Query
	want []string // pk/sk of the items, in order
}{
	{"primary", store.Query{PK: "q"}, []string{"q/a#1", "q/a#2", "q/a#3", "q/b#1", "q/b#2", "q/c"}},
	{"primary_backward", store.Query{PK: "q", Backward: true},
		[]string{"q/c", "q/b#2", "q/b#1", "q/a#3", "q/a#2", "q/a#1"}},
	{"prefix", store.Query{PK: "q", Prefix: "a#"}, []string{"q/a#1", "q/a#2", "q/a#3"}},
	{"prefix_backward", store.Query{PK: "q", Prefix: "b", Backward: true}, []string{"q/b#2", "q/b#1"}},
	{"prefix_none", store.Query{PK: "q", Prefix: "d"}, nil},
	{"from_to", store.Query{PK: "q", From: "a#2", To: "b#1"}, []string{"q/a#2", "q/a#3", "q/b#1"}},
	{"from_to_backward", store.Query{PK: "q", From: "a#2", To: "b#1", Backward: true},
		[]string{"q/b#1", "q/a#3", "q/a#2"}},
	{"from", store.Query{PK: "q", From: "b#1"}, []string{"q/b#1", "q/b#2", "q/c"}},
	{"to", store.Query{PK: "q", To: "a#2"}, []string{"q/a#1", "q/a#2"}},
	{"from_between_keys", store.Query{PK: "q", From: "a#25", To: "b"}, []string{"q/a#3"}},
	{"limit", store.Query{PK: "q", Limit: 2}, []string{"q/a#1", "q/a#2"}},
	{"limit_backward", store.Query{PK: "q", Limit: 2, Backward: true}, []string{"q/c", "q/b#2"}},
	{"empty_partition", store.Query{PK: "nothing"}, nil},
	{"gsi1", store.Query{Index: store.GSI1, PK: "g1"},
		[]string{"q2/z", "q/a#2", "q/a#3", "q/a#1"}},
	{"gsi1_backward", store.Query{Index: store.GSI1, PK: "g1", Backward: true},
		[]string{"q/a#1", "q/a#3", "q/a#2", "q2/z"}},
	{"gsi1_range", store.Query{Index: store.GSI1, PK: "g1", From: "x1", To: "x2"},
		[]string{"q/a#2", "q/a#3"}},
	{"gsi1_prefix", store.Query{Index: store.GSI1, PK: "g1", Prefix: "x"},
		[]string{"q2/z", "q/a#2", "q/a#3", "q/a#1"}},
	{"gsi2", store.Query{Index: store.GSI2, PK: "g2"}, []string{"q/b#2", "q/b#1", "q2/z"}},
	{"gsi2_backward_limit", store.Query{Index: store.GSI2, PK: "g2", Backward: true, Limit: 2},
		[]string{"q2/z", "q/b#1"}},
}

// testQuery queries the secondary indexes right after the write. DynamoDB updates its indexes
// asynchronously, usually within a second, and a query of one cannot be strongly consistent; the
// suite passes on DynamoDB Local, which updates them at once, but domain code must not count on an
// index query seeing a write just made.
func testQuery(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	ops := make([]store.Op, 0, len(queryItems))
	for _, it := range queryItems {
		it.Type = "thing"
		it.Body = body(t, map[string]any{"id": it.PK + "/" + it.SK})
		ops = append(ops, store.Put(it))
	}
	mustWrite(t, s, ops...)
	for _, c := range queryCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			page, err := s.Query(t.Context(), c.q)
			if err != nil {
				t.Fatalf("query: %v", err)
			}
			checkKeys(t, page.Items, c.want)
			checkPageItems(t, page.Items)
			if c.q.Limit == 0 && page.Cursor != "" {
				t.Errorf("cursor %q after the whole result; want none", page.Cursor)
			}
		})
		for _, size := range []int{1, 2, 3, len(c.want)} {
			t.Run(fmt.Sprintf("%s/pages_of_%d", c.name, size), func(t *testing.T) {
				t.Parallel()
				if c.q.Limit != 0 || size == 0 {
					t.Skip("the case has a limit of its own, or selects nothing")
				}
				q := c.q
				q.Limit = size
				checkKeys(t, paginate(t, s, q), c.want)
			})
		}
	}
}

// paginate follows cursors to the end, checking that every page but the last is full and that
// the cursor is empty exactly when nothing remains.
func paginate(t *testing.T, s store.Store, q store.Query) []store.Item {
	t.Helper()
	var all []store.Item
	for {
		page, err := s.Query(t.Context(), q)
		if err != nil {
			t.Fatalf("query %+v: %v", q, err)
		}
		all = append(all, page.Items...)
		if page.Cursor == "" {
			return all
		}
		if len(page.Items) != q.Limit {
			t.Fatalf("page of %d items with a cursor; want %d", len(page.Items), q.Limit)
		}
		q.Cursor = page.Cursor
	}
}

// checkPageItems checks that queried items come whole: type, index keys and body.
func checkPageItems(t *testing.T, items []store.Item) {
	t.Helper()
	for _, it := range items {
		i := slices.IndexFunc(queryItems, func(w store.Item) bool { return w.Key == it.Key })
		want := queryItems[i]
		want.Type = "thing"
		want.Body = body(t, map[string]any{"id": it.PK + "/" + it.SK})
		checkItem(t, it, want)
	}
}

func checkKeys(t *testing.T, items []store.Item, want []string) {
	t.Helper()
	got := make([]string, 0, len(items))
	for _, it := range items {
		got = append(got, it.PK+"/"+it.SK)
	}
	if diff := cmp.Diff(want, got, cmpEmpty); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
}

// cmpEmpty makes nil and empty slices equal.
var cmpEmpty = cmp.FilterValues(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 },
	cmp.Ignore())
