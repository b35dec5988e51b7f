package dynamo

import (
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// expr collects the attribute names and values of one request's expressions, which every name
// goes through: body field names are arbitrary text and many words are reserved.
type expr struct {
	names  map[string]string
	values map[string]types.AttributeValue
}

func newExpr() *expr {
	return &expr{names: map[string]string{}, values: map[string]types.AttributeValue{}}
}

// name returns the placeholder of attribute a, the same one each time.
func (e *expr) name(a string) string {
	for p, n := range e.names {
		if n == a {
			return p
		}
	}
	p := "#n" + strconv.Itoa(len(e.names))
	e.names[p] = a
	return p
}

// value returns a new placeholder for av.
func (e *expr) value(av types.AttributeValue) string {
	p := ":v" + strconv.Itoa(len(e.values))
	e.values[p] = av
	return p
}

// namesOrNil and valuesOrNil leave out empty maps, which DynamoDB refuses.
func (e *expr) namesOrNil() map[string]string {
	if len(e.names) == 0 {
		return nil
	}
	return e.names
}

func (e *expr) valuesOrNil() map[string]types.AttributeValue {
	if len(e.values) == 0 {
		return nil
	}
	return e.values
}

// live holds when the item exists and has not expired at now (epoch seconds).
func (e *expr) live(now int64) string {
	ttl := e.name(attrTTL)
	return fmt.Sprintf("attribute_exists(%s) AND (attribute_not_exists(%s) OR %s > %s)",
		e.name(attrPK), ttl, ttl, e.value(num(now)))
}

// liveOrAbsent holds unless the item exists and has expired. Expressions here come without
// outer parentheses: DynamoDB refuses redundant ones, and joinAnd adds those it needs.
func (e *expr) liveOrAbsent(now int64) string {
	ttl := e.name(attrTTL)
	return fmt.Sprintf("attribute_not_exists(%s) OR %s > %s", ttl, ttl, e.value(num(now)))
}

// condition renders c as a condition expression.
func (e *expr) condition(c store.Condition, now int64) (string, error) {
	switch c.Kind {
	case store.CondExists:
		return e.live(now), nil
	case store.CondNotExists:
		ttl := e.name(attrTTL)
		return fmt.Sprintf("attribute_not_exists(%s) OR %s <= %s",
			e.name(attrPK), ttl, e.value(num(now))), nil
	case store.CondCompare:
		return e.compare(c, now)
	}
	return "", fmt.Errorf("%w: unknown condition kind %d", store.ErrInvalid, c.Kind)
}

// compare checks the field's type first, so that a missing field or one of another type than
// the value compares false with every operator, <> included.
func (e *expr) compare(c store.Condition, now int64) (string, error) {
	av, typ, err := compareValue(c)
	if err != nil {
		return "", err
	}
	f := e.name(fieldPrefix + c.Field)
	return fmt.Sprintf("%s AND attribute_type(%s, %s) AND %s %s %s",
		e.live(now), f, e.value(str(typ)), f, c.Op, e.value(av)), nil
}
