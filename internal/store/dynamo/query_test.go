package dynamo_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// checkKeys runs q to the end, page by page, and checks the sort keys it returns.
func checkKeys(t *testing.T, s store.Store, q store.Query, want ...string) {
	t.Helper()
	var got []string
	for {
		p, err := s.Query(context.Background(), q)
		if err != nil {
			t.Fatalf("query %+v: %v", q, err)
		}
		for _, it := range p.Items {
			got = append(got, it.SK)
		}
		if q.Limit > 0 && len(p.Items) > q.Limit {
			t.Fatalf("query %+v: %d items over the limit", q, len(p.Items))
		}
		if p.Cursor == "" {
			break
		}
		if len(p.Items) != q.Limit {
			t.Fatalf("query %+v: %d items and a cursor", q, len(p.Items))
		}
		q.Cursor = p.Cursor
	}
	if !slices.Equal(got, want) {
		t.Errorf("query %+v: got %q, want %q", q, got, want)
	}
}

// TestQueryPages checks that pages hold exactly the limit, that the cursor is empty exactly when
// no item remains, and that expired items, filtered after DynamoDB counted them against its
// own limit, thin out no page.
func TestQueryPages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	s := openLocal(t, store.Options{Now: clk.Now})
	var live []string
	for i := range 30 {
		sk := fmt.Sprintf("k%02d", i)
		it := store.Item{Key: store.Key{PK: "p", SK: sk}, GSI1: store.IndexKey{PK: "g", SK: sk}}
		if i%3 != 0 {
			it.ExpiresAt = clk.now
		} else {
			live = append(live, sk)
		}
		if err := s.Write(ctx, store.Put(it)); err != nil {
			t.Fatal(err)
		}
	}
	back := slices.Clone(live)
	slices.Reverse(back)
	for _, limit := range []int{0, 1, 2, 3, 9, 10, 11} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			checkKeys(t, s, store.Query{PK: "p", Limit: limit}, live...)
			checkKeys(t, s, store.Query{PK: "p", Limit: limit, Backward: true}, back...)
			checkKeys(t, s, store.Query{Index: store.GSI1, PK: "g", Limit: limit}, live...)
			checkKeys(t, s, store.Query{PK: "p", Prefix: "k1", Limit: limit}, "k12", "k15", "k18")
			checkKeys(t, s, store.Query{PK: "p", From: "k03", To: "k09", Limit: limit},
				"k03", "k06", "k09")
			checkKeys(t, s, store.Query{PK: "p", From: "k25", Limit: limit}, "k27")
			checkKeys(t, s, store.Query{PK: "p", To: "k03", Limit: limit, Backward: true},
				"k03", "k00")
			checkKeys(t, s, store.Query{PK: "p", From: "k09", To: "k03", Limit: limit})
		})
	}
}
