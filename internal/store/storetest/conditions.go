package storetest

import (
	"errors"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// condSeed is the body of the item the condition cases test.
var condSeed = map[string]any{"s": "m", "t": "é", "n": 5, "neg": -3, "big": int64(1)<<62 + 1,
	"b": true, "null": nil}

type condCase struct {
	name   string
	exists bool // whether the item exists before the write
	cond   store.Condition
	holds  bool
}

var condCases = []condCase{
	{"exists/present", true, store.IfExists(), true},
	{"exists/absent", false, store.IfExists(), false},
	{"not_exists/present", true, store.IfNotExists(), false},
	{"not_exists/absent", false, store.IfNotExists(), true},
	// Strings compare by bytes, as in DynamoDB: "m" > "Z", and "é" (0xC3 0xA9) > "z".
	{"string/eq", true, store.IfField("s", store.Eq, "m"), true},
	{"string/eq_false", true, store.IfField("s", store.Eq, "n"), false},
	{"string/ne", true, store.IfField("s", store.Ne, "n"), true},
	{"string/ne_false", true, store.IfField("s", store.Ne, "m"), false},
	{"string/lt", true, store.IfField("s", store.Lt, "n"), true},
	{"string/lt_equal", true, store.IfField("s", store.Lt, "m"), false},
	{"string/le", true, store.IfField("s", store.Le, "m"), true},
	{"string/le_false", true, store.IfField("s", store.Le, "l"), false},
	{"string/gt_bytes", true, store.IfField("s", store.Gt, "Z"), true},
	{"string/gt_equal", true, store.IfField("s", store.Gt, "m"), false},
	{"string/ge", true, store.IfField("s", store.Ge, "m"), true},
	{"string/ge_false", true, store.IfField("s", store.Ge, "n"), false},
	{"string/utf8_bytes", true, store.IfField("t", store.Gt, "z"), true},
	{"int/eq", true, store.IfField("n", store.Eq, 5), true},
	{"int/eq_false", true, store.IfField("n", store.Eq, 6), false},
	{"int/ne", true, store.IfField("n", store.Ne, 6), true},
	{"int/ne_false", true, store.IfField("n", store.Ne, 5), false},
	{"int/lt", true, store.IfField("n", store.Lt, 6), true},
	{"int/lt_equal", true, store.IfField("n", store.Lt, 5), false},
	{"int/le", true, store.IfField("n", store.Le, 5), true},
	{"int/le_false", true, store.IfField("n", store.Le, 4), false},
	{"int/gt", true, store.IfField("n", store.Gt, 4), true},
	{"int/gt_equal", true, store.IfField("n", store.Gt, 5), false},
	{"int/ge", true, store.IfField("n", store.Ge, 5), true},
	{"int/ge_false", true, store.IfField("n", store.Ge, 6), false},
	// Numbers compare by value, not as text: -3 < 0 and 5 < 10.
	{"int/negative", true, store.IfField("neg", store.Lt, 0), true},
	{"int/by_value", true, store.IfField("n", store.Lt, 10), true},
	// Exact beyond float64's 53 bits: 2^62+1 > 2^62 and = 2^62+1.
	{"int/exact_eq", true, store.IfField("big", store.Eq, int64(1)<<62+1), true},
	{"int/exact_gt", true, store.IfField("big", store.Gt, int64(1)<<62), true},
	{"int/int64", true, store.IfField("n", store.Eq, int64(5)), true},
	{"bool/eq", true, store.IfField("b", store.Eq, true), true},
	{"bool/eq_false", true, store.IfField("b", store.Eq, false), false},
	{"bool/ne", true, store.IfField("b", store.Ne, false), true},
	{"bool/ne_false", true, store.IfField("b", store.Ne, true), false},
	// A missing field compares false with every operator, "<>" included (the contract's rule,
	// which a DynamoDB engine keeps by adding attribute_exists).
	{"missing/eq", true, store.IfField("nope", store.Eq, 1), false},
	{"missing/ne", true, store.IfField("nope", store.Ne, 1), false},
	{"missing/lt", true, store.IfField("nope", store.Lt, 1), false},
	{"missing/le", true, store.IfField("nope", store.Le, 1), false},
	{"missing/gt", true, store.IfField("nope", store.Gt, 1), false},
	{"missing/ge", true, store.IfField("nope", store.Ge, 1), false},
	{"missing/ne_string", true, store.IfField("nope", store.Ne, "x"), false},
	{"missing/ne_bool", true, store.IfField("nope", store.Ne, true), false},
	// A field of another type than the value compares false, "<>" included.
	{"wrong_type/string_eq_int", true, store.IfField("s", store.Eq, 5), false},
	{"wrong_type/string_ne_int", true, store.IfField("s", store.Ne, 5), false},
	{"wrong_type/int_eq_string", true, store.IfField("n", store.Eq, "5"), false},
	{"wrong_type/int_ne_string", true, store.IfField("n", store.Ne, "5"), false},
	{"wrong_type/int_lt_string", true, store.IfField("n", store.Lt, "9"), false},
	{"wrong_type/bool_eq_int", true, store.IfField("b", store.Eq, 1), false},
	{"wrong_type/int_eq_bool", true, store.IfField("n", store.Eq, true), false},
	{"wrong_type/null_eq", true, store.IfField("null", store.Eq, "x"), false},
	{"wrong_type/null_ne", true, store.IfField("null", store.Ne, "x"), false},
	{"compare/absent_item", false, store.IfField("n", store.Eq, 5), false},
}

// testConditions runs every condition case with every operation kind on one store.
func testConditions(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	for _, kind := range []store.OpKind{store.OpPut, store.OpUpdate, store.OpDelete, store.OpCheck} {
		t.Run(kind.String(), func(t *testing.T) {
			t.Parallel()
			for _, c := range condCases {
				t.Run(c.name, func(t *testing.T) {
					t.Parallel()
					runCondCase(t, s, kind, c)
				})
			}
		})
	}
}

func runCondCase(t *testing.T, s store.Store, kind store.OpKind, c condCase) {
	k := key("cond", kind.String()+"/"+c.name)
	if c.exists {
		mustWrite(t, s, store.Put(item(t, k, "thing", condSeed)))
	}
	err := s.Write(t.Context(), condOp(t, kind, k).When(c.cond))
	if !c.holds {
		checkConflict(t, err, 0, k)
		checkUnchanged(t, s, k, c.exists)
		return
	}
	if err != nil {
		t.Fatalf("write: %v; want the condition to hold", err)
	}
	checkEffect(t, s, kind, k, c.exists)
}

func condOp(t *testing.T, kind store.OpKind, k store.Key) store.Op {
	switch kind {
	case store.OpPut:
		return store.Put(item(t, k, "thing", map[string]any{"put": true}))
	case store.OpUpdate:
		return store.Update(k, map[string]any{"upd": "yes"}, nil).WithType("thing")
	case store.OpDelete:
		return store.Delete(k)
	}
	return store.Check(k, store.IfExists())
}

func checkUnchanged(t *testing.T, s store.Store, k store.Key, exists bool) {
	t.Helper()
	if !exists {
		checkAbsent(t, s, k)
		return
	}
	checkBody(t, mustGet(t, s, k).Body, condSeed)
}

func checkEffect(t *testing.T, s store.Store, kind store.OpKind, k store.Key, existed bool) {
	t.Helper()
	switch kind {
	case store.OpPut:
		checkBody(t, mustGet(t, s, k).Body, map[string]any{"put": true})
	case store.OpUpdate:
		want := map[string]any{"upd": "yes"}
		if existed {
			want = merged(condSeed, want)
		}
		checkBody(t, mustGet(t, s, k).Body, want)
	case store.OpDelete:
		checkAbsent(t, s, k)
	case store.OpCheck:
		checkUnchanged(t, s, k, existed)
	}
}

func merged(a, b map[string]any) map[string]any {
	m := make(map[string]any, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// testConditionErrorIndex: a failed condition names its operation and undoes the whole write.
func testConditionErrorIndex(t *testing.T, open Opener) {
	s := open(t, store.Options{})
	a, b, c := key("idx", "a"), key("idx", "b"), key("idx", "c")
	mustWrite(t, s, store.Put(item(t, c, "thing", map[string]any{"v": 1})))
	err := s.Write(t.Context(),
		store.Put(item(t, a, "thing", map[string]any{"v": 1})),
		store.Update(c, nil, map[string]int64{"v": 1}),
		store.Put(item(t, b, "thing", map[string]any{"v": 1})).When(store.IfExists()))
	checkConflict(t, err, 2, b)
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("errors.Is(%v, ErrConflict) = false", err)
	}
	checkAbsent(t, s, a)
	checkAbsent(t, s, b)
	checkBody(t, mustGet(t, s, c).Body, map[string]any{"v": 1})
}
