package dynamo

import (
	"fmt"
	"reflect"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// compareValue converts a condition's value to an attribute value and its DynamoDB type name.
func compareValue(c store.Condition) (types.AttributeValue, string, error) {
	if err := checkCompare(c); err != nil {
		return nil, "", err
	}
	switch v := c.Value.(type) {
	case string:
		return str(v), "S", nil
	case bool:
		return &types.AttributeValueMemberBOOL{Value: v}, "BOOL", nil
	}
	n, ok := integer(c.Value)
	if !ok {
		return nil, "", fmt.Errorf("%w: condition value of type %T", store.ErrInvalid, c.Value)
	}
	return &types.AttributeValueMemberN{Value: n}, "N", nil
}

// checkCompare refuses what DynamoDB cannot evaluate: an ordering of booleans.
func checkCompare(c store.Condition) error {
	switch c.Op {
	case store.Eq, store.Ne:
	case store.Lt, store.Le, store.Gt, store.Ge:
		if _, isBool := c.Value.(bool); isBool {
			return fmt.Errorf("%w: %s on a boolean", store.ErrInvalid, c.Op)
		}
	default:
		return fmt.Errorf("%w: unknown operator %q", store.ErrInvalid, c.Op)
	}
	if c.Field == "" {
		return fmt.Errorf("%w: condition without field", store.ErrInvalid)
	}
	return nil
}

// integer formats any Go integer value as decimal text.
func integer(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10), true
	}
	return "", false
}
