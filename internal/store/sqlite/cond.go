package sqlite

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/licensorhq/licensor/internal/store"
)

// valueKind is the JSON type a condition's value has.
type valueKind int

const (
	kindString valueKind = iota + 1
	kindBool
	kindNumber
)

// cond is a store.Condition checked and normalised before it reaches the writer.
type cond struct {
	kind  store.CondKind
	field string
	op    store.CompareOp
	vkind valueKind
	str   string // the string, or the number in decimal
	b     bool
}

func newCond(c store.Condition) (*cond, error) {
	switch c.Kind {
	case store.CondExists, store.CondNotExists:
		return &cond{kind: c.Kind}, nil
	case store.CondCompare:
		return compareCond(c)
	}
	return nil, fmt.Errorf("%w: unknown condition kind %d", store.ErrInvalid, c.Kind)
}

func compareCond(c store.Condition) (*cond, error) {
	if c.Field == "" {
		return nil, fmt.Errorf("%w: condition without field", store.ErrInvalid)
	}
	switch c.Op {
	case store.Eq, store.Ne, store.Lt, store.Le, store.Gt, store.Ge:
	default:
		return nil, fmt.Errorf("%w: unknown comparison %q", store.ErrInvalid, c.Op)
	}
	k := &cond{kind: c.Kind, field: c.Field, op: c.Op}
	if err := k.setValue(c.Value); err != nil {
		return nil, err
	}
	// DynamoDB orders only strings, numbers and binaries: it refuses "<" on booleans.
	if k.vkind == kindBool && c.Op != store.Eq && c.Op != store.Ne {
		return nil, fmt.Errorf("%w: booleans compare only with = and <>", store.ErrInvalid)
	}
	return k, nil
}

func (k *cond) setValue(v any) error {
	switch v := v.(type) {
	case string:
		k.vkind, k.str = kindString, v
	case bool:
		k.vkind, k.b = kindBool, v
	case int:
		k.vkind, k.str = kindNumber, strconv.FormatInt(int64(v), 10)
	case int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		k.vkind, k.str = kindNumber, fmt.Sprint(v)
	default:
		return fmt.Errorf("%w: condition value of type %T", store.ErrInvalid, v)
	}
	return nil
}

// holds evaluates the condition on the live item (found is false when it is missing or expired).
func (k *cond) holds(it store.Item, found bool) bool {
	switch k.kind {
	case store.CondExists:
		return found
	case store.CondNotExists:
		return !found
	}
	if !found {
		return false
	}
	raw, ok := field(it.Body, k.field)
	return ok && k.compare(raw)
}

// field returns the raw JSON of a top-level body field.
func field(body []byte, name string) (json.RawMessage, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return nil, false
	}
	raw, ok := fields[name]
	return raw, ok
}

// compare tests the field against the value. A field of another JSON type compares false with
// every operator, "<>" included: the contract says so, where DynamoDB alone would call it unequal.
func (k *cond) compare(raw json.RawMessage) bool {
	switch k.vkind {
	case kindString:
		var s string
		if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			return false
		}
		return k.ordered(strings.Compare(s, k.str))
	case kindBool:
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return false
		}
		return k.ordered(boolCmp(b, k.b))
	}
	c, ok := numberCmp(string(raw), k.str)
	return ok && k.ordered(c)
}

func boolCmp(a, b bool) int {
	if a == b {
		return 0
	}
	return 1
}

// numberCmp compares two JSON numbers by value: exactly as integers when both fit in int64,
// otherwise as exact rationals.
func numberCmp(a, b string) (int, bool) {
	x, errX := strconv.ParseInt(a, 10, 64)
	y, errY := strconv.ParseInt(b, 10, 64)
	if errX == nil && errY == nil {
		return cmpInt(x, y), true
	}
	if len(a) == 0 || (a[0] != '-' && (a[0] < '0' || a[0] > '9')) {
		return 0, false
	}
	rx, okX := new(big.Rat).SetString(a)
	ry, okY := new(big.Rat).SetString(b)
	if !okX || !okY {
		return 0, false
	}
	return rx.Cmp(ry), true
}

func cmpInt(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func (k *cond) ordered(c int) bool {
	switch k.op {
	case store.Eq:
		return c == 0
	case store.Ne:
		return c != 0
	case store.Lt:
		return c < 0
	case store.Le:
		return c <= 0
	case store.Gt:
		return c > 0
	}
	return c >= 0
}
