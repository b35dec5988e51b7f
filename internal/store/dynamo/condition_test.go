package dynamo_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// TestConditionsAgree holds the engine's two ways of evaluating a condition against each other:
// in Go after a consistent read (a lone check) and as a condition expression in a transaction.
// Both must give what the contract says.
func TestConditionsAgree(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	s := openLocal(t, store.Options{Now: clk.Now})
	body := json.RawMessage(`{"s":"b","n":5,"f":2.5,"t":true,"z":null,"o":{"a":1}}`)
	items := map[string]store.Item{
		"live":    {Key: store.Key{PK: "c", SK: "live"}, Body: body},
		"expired": {Key: store.Key{PK: "c", SK: "expired"}, Body: body, ExpiresAt: clk.now},
		"later": {Key: store.Key{PK: "c", SK: "later"}, Body: body,
			ExpiresAt: clk.now.Add(time.Second)},
	}
	for _, it := range items {
		if err := s.Write(ctx, store.Put(it)); err != nil {
			t.Fatal(err)
		}
	}
	for _, sk := range []string{"live", "expired", "later", "missing"} {
		for _, tc := range conditionCases() {
			name := fmt.Sprintf("%s/%s%s%v", sk, tc.c.Field, tc.c.Op, tc.c.Value)
			t.Run(name, func(t *testing.T) {
				k := store.Key{PK: "c", SK: sk}
				want := tc.live && (sk == "live" || sk == "later")
				if tc.c.Kind == store.CondNotExists {
					want = !(sk == "live" || sk == "later")
				}
				alone := s.Write(ctx, store.Check(k, tc.c))
				paired := s.Write(ctx, store.Check(k, tc.c),
					store.Put(store.Item{Key: store.Key{PK: "other", SK: "x"}}))
				if got := alone == nil; got != want {
					t.Errorf("alone: got %v, want %v (%v)", got, want, alone)
				}
				if got := paired == nil; got != want {
					t.Errorf("in a transaction: got %v, want %v (%v)", got, want, paired)
				}
				for _, err := range []error{alone, paired} {
					var ce *store.ConditionError
					if err != nil && (!errors.As(err, &ce) || ce.Index != 0 || ce.Key != k) {
						t.Errorf("error %v is not a ConditionError of operation 0", err)
					}
				}
			})
		}
	}
}

type conditionCase struct {
	c    store.Condition
	live bool // whether c holds on the live item
}

func conditionCases() []conditionCase {
	return []conditionCase{
		{store.IfExists(), true},
		{store.IfNotExists(), false},
		{store.IfField("s", store.Eq, "b"), true},
		{store.IfField("s", store.Ne, "b"), false},
		{store.IfField("s", store.Ne, "c"), true},
		{store.IfField("s", store.Lt, "c"), true},
		{store.IfField("s", store.Gt, "B"), true},
		{store.IfField("s", store.Eq, 5), false},
		{store.IfField("s", store.Ne, 5), false},
		{store.IfField("n", store.Eq, 5), true},
		{store.IfField("n", store.Eq, int64(5)), true},
		{store.IfField("n", store.Ge, 5), true},
		{store.IfField("n", store.Gt, 5), false},
		{store.IfField("n", store.Le, uint8(4)), false},
		{store.IfField("n", store.Ne, "5"), false},
		{store.IfField("f", store.Gt, 2), true},
		{store.IfField("f", store.Lt, 3), true},
		{store.IfField("t", store.Eq, true), true},
		{store.IfField("t", store.Ne, false), true},
		{store.IfField("t", store.Eq, false), false},
		{store.IfField("z", store.Eq, "x"), false},
		{store.IfField("z", store.Ne, "x"), false},
		{store.IfField("o", store.Ne, 1), false},
		{store.IfField("missing", store.Ne, 1), false},
		{store.IfField("missing", store.Eq, 0), false},
	}
}
