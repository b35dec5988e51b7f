package dynamo

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// request is one operation of a write as DynamoDB takes it, whether alone or in a transaction.
type request struct {
	kind   store.OpKind // OpUpdate becomes OpPut when it replaces an expired item
	key    map[string]types.AttributeValue
	item   map[string]types.AttributeValue // OpPut
	update string                          // OpUpdate
	cond   string
	e      *expr
}

// build renders op at time now (epoch seconds). A non-zero expired is the TTL of the expired
// item an earlier attempt found where the update goes: DynamoDB would merge the update into
// that item, expiry and stale fields included, so the update writes a fresh item instead, on the
// condition that the expired one is still there.
func build(op store.Op, now, expired int64) (request, error) {
	r := request{kind: op.Kind, key: keyAttrs(op.Target()), e: newExpr()}
	var err error
	switch {
	case op.Kind == store.OpPut:
		r.item, err = itemAttrs(op.Item)
	case op.Kind == store.OpUpdate && expired != 0:
		return freshRequest(r, op, expired)
	case op.Kind == store.OpUpdate:
		r.update, err = updateExpr(r.e, op)
		r.cond = r.e.liveOrAbsent(now)
	}
	if err != nil || op.If == nil {
		return r, err
	}
	c, err := r.e.condition(*op.If, now)
	r.cond = joinAnd(r.cond, c)
	return r, err
}

// freshRequest puts the item an update creates where an expired item with TTL expired is.
func freshRequest(r request, op store.Op, expired int64) (request, error) {
	fields := make(map[string]any, len(op.Set)+len(op.Add))
	for f, v := range op.Set {
		fields[f] = v
	}
	for f, n := range op.Add {
		fields[f] = n
	}
	body, err := marshalJSON(fields)
	if err != nil {
		return r, fmt.Errorf("%w: %v", store.ErrInvalid, err)
	}
	r.kind = store.OpPut
	r.item, err = itemAttrs(store.Item{Key: op.Key, Type: op.Type, Body: body})
	r.cond = r.e.name(attrTTL) + " = " + r.e.value(num(expired))
	return r, err
}

// updateExpr sets fields and adds to them. ADD counts a missing field as 0, as the contract
// does; if_not_exists writes the type only on the item the update creates.
func updateExpr(e *expr, op store.Op) (string, error) {
	var sets, adds []string
	for _, f := range sortedKeys(op.Set) {
		v, err := setValue(op.Set[f])
		if err != nil {
			return "", fmt.Errorf("field %q: %w", f, err)
		}
		sets = append(sets, e.name(fieldPrefix+f)+" = "+e.value(v))
	}
	if op.Type != "" {
		t := e.name(attrType)
		sets = append(sets, fmt.Sprintf("%s = if_not_exists(%s, %s)", t, t, e.value(str(op.Type))))
	}
	for _, f := range sortedKeys(op.Add) {
		adds = append(adds, e.name(fieldPrefix+f)+" "+e.value(num(op.Add[f])))
	}
	var clauses []string
	if len(sets) > 0 {
		clauses = append(clauses, "SET "+strings.Join(sets, ", "))
	}
	if len(adds) > 0 {
		clauses = append(clauses, "ADD "+strings.Join(adds, ", "))
	}
	return strings.Join(clauses, " "), nil
}

// setValue converts a value to set through its JSON form, as a put of the body would store it.
func setValue(v any) (types.AttributeValue, error) {
	b, err := marshalJSON(v)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", store.ErrInvalid, err)
	}
	fields, err := bodyFields([]byte(`{"v":` + string(b) + `}`))
	if err != nil {
		return nil, err
	}
	return avFromJSON(fields["v"])
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func joinAnd(a, b string) string {
	if a == "" {
		return b
	}
	return "(" + a + ") AND (" + b + ")"
}
