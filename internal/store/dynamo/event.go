package dynamo

import (
	"fmt"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// fromEventMap converts the attribute values of a Lambda stream event to the SDK's.
func fromEventMap(
	m map[string]events.DynamoDBAttributeValue,
) (map[string]types.AttributeValue, error) {
	if len(m) == 0 {
		return nil, nil
	}
	out := make(map[string]types.AttributeValue, len(m))
	for k, v := range m {
		av, err := fromEvent(v)
		if err != nil {
			return nil, fmt.Errorf("attribute %q: %w", k, err)
		}
		out[k] = av
	}
	return out, nil
}

func fromEvent(v events.DynamoDBAttributeValue) (types.AttributeValue, error) {
	switch v.DataType() {
	case events.DataTypeNull:
		return &types.AttributeValueMemberNULL{Value: true}, nil
	case events.DataTypeBoolean:
		return &types.AttributeValueMemberBOOL{Value: v.Boolean()}, nil
	case events.DataTypeString:
		return &types.AttributeValueMemberS{Value: v.String()}, nil
	case events.DataTypeNumber:
		return &types.AttributeValueMemberN{Value: v.Number()}, nil
	case events.DataTypeBinary:
		return &types.AttributeValueMemberB{Value: v.Binary()}, nil
	case events.DataTypeStringSet:
		return &types.AttributeValueMemberSS{Value: v.StringSet()}, nil
	case events.DataTypeNumberSet:
		return &types.AttributeValueMemberNS{Value: v.NumberSet()}, nil
	case events.DataTypeList:
		return fromEventList(v.List())
	case events.DataTypeMap:
		m, err := fromEventMap(v.Map())
		if m == nil {
			m = map[string]types.AttributeValue{}
		}
		return &types.AttributeValueMemberM{Value: m}, err
	}
	return nil, fmt.Errorf("unsupported attribute type %v", v.DataType())
}

func fromEventList(vs []events.DynamoDBAttributeValue) (types.AttributeValue, error) {
	l := make([]types.AttributeValue, len(vs))
	for i, v := range vs {
		av, err := fromEvent(v)
		if err != nil {
			return nil, err
		}
		l[i] = av
	}
	return &types.AttributeValueMemberL{Value: l}, nil
}
