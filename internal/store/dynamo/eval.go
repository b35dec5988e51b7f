package dynamo

import (
	"bytes"
	"math/big"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// holds evaluates c in Go on the stored attributes of an item (nil when there is none), with the
// same meaning as the condition expression that condition renders. It serves a lone check, which
// a consistent read answers for less than a transaction, and tells a failed condition from a
// race after a write was refused.
func holds(c store.Condition, m map[string]types.AttributeValue, now int64) (bool, error) {
	live := m != nil && !expiredAt(m, now)
	switch c.Kind {
	case store.CondExists:
		return live, nil
	case store.CondNotExists:
		return !live, nil
	case store.CondCompare:
		want, _, err := compareValue(c)
		if err != nil || !live {
			return false, err
		}
		return compareAV(m[fieldPrefix+c.Field], c.Op, want), nil
	}
	return false, nil
}

// expiredAt reports whether stored attributes have expired at now (epoch seconds).
func expiredAt(m map[string]types.AttributeValue, now int64) bool {
	ttl, ok := ttlOf(m)
	return ok && ttl <= now
}

// compareAV compares a stored value with a condition value; values of different types, or a
// missing one, compare false.
func compareAV(got types.AttributeValue, op store.CompareOp, want types.AttributeValue) bool {
	cmp, ok := order(got, want)
	if !ok {
		return false
	}
	switch op {
	case store.Eq:
		return cmp == 0
	case store.Ne:
		return cmp != 0
	case store.Lt:
		return cmp < 0
	case store.Le:
		return cmp <= 0
	case store.Gt:
		return cmp > 0
	case store.Ge:
		return cmp >= 0
	}
	return false
}

// order compares two values of the same type: strings by bytes, numbers by value, booleans
// only for equality (checkCompare refuses ordering them).
func order(a, b types.AttributeValue) (int, bool) {
	switch a := a.(type) {
	case *types.AttributeValueMemberS:
		b, ok := b.(*types.AttributeValueMemberS)
		return bytesOrder(a, b, ok)
	case *types.AttributeValueMemberN:
		b, ok := b.(*types.AttributeValueMemberN)
		return numberOrder(a, b, ok)
	case *types.AttributeValueMemberBOOL:
		b, ok := b.(*types.AttributeValueMemberBOOL)
		if !ok || a.Value != b.Value {
			return 1, ok
		}
		return 0, true
	}
	return 0, false
}

func bytesOrder(a, b *types.AttributeValueMemberS, ok bool) (int, bool) {
	if !ok {
		return 0, false
	}
	return bytes.Compare([]byte(a.Value), []byte(b.Value)), true
}

func numberOrder(a, b *types.AttributeValueMemberN, ok bool) (int, bool) {
	if !ok {
		return 0, false
	}
	x, okx := new(big.Rat).SetString(a.Value)
	y, oky := new(big.Rat).SetString(b.Value)
	if !okx || !oky {
		return 0, false
	}
	return x.Cmp(y), true
}
