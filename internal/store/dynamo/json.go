package dynamo

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// avFromJSON converts a JSON value, decoded with json.Decoder.UseNumber, to an attribute value.
// Numbers pass as their decimal text, so an int64 is stored exactly.
func avFromJSON(v any) (types.AttributeValue, error) {
	switch v := v.(type) {
	case nil:
		return &types.AttributeValueMemberNULL{Value: true}, nil
	case bool:
		return &types.AttributeValueMemberBOOL{Value: v}, nil
	case string:
		return &types.AttributeValueMemberS{Value: v}, nil
	case json.Number:
		return &types.AttributeValueMemberN{Value: v.String()}, nil
	case []any:
		return listFromJSON(v)
	case map[string]any:
		return mapFromJSON(v)
	}
	return nil, fmt.Errorf("unexpected JSON value of type %T", v)
}

func listFromJSON(vs []any) (types.AttributeValue, error) {
	l := make([]types.AttributeValue, len(vs))
	for i, v := range vs {
		av, err := avFromJSON(v)
		if err != nil {
			return nil, err
		}
		l[i] = av
	}
	return &types.AttributeValueMemberL{Value: l}, nil
}

func mapFromJSON(vs map[string]any) (types.AttributeValue, error) {
	m := make(map[string]types.AttributeValue, len(vs))
	for k, v := range vs {
		av, err := avFromJSON(v)
		if err != nil {
			return nil, err
		}
		m[k] = av
	}
	return &types.AttributeValueMemberM{Value: m}, nil
}

// jsonFromAV converts an attribute value back to a JSON value; numbers come back as json.Number.
func jsonFromAV(av types.AttributeValue) (any, error) {
	switch av := av.(type) {
	case *types.AttributeValueMemberNULL:
		return nil, nil
	case *types.AttributeValueMemberBOOL:
		return av.Value, nil
	case *types.AttributeValueMemberS:
		return av.Value, nil
	case *types.AttributeValueMemberN:
		return json.Number(av.Value), nil
	case *types.AttributeValueMemberL:
		return listToJSON(av.Value)
	case *types.AttributeValueMemberM:
		return mapToJSON(av.Value)
	case *types.AttributeValueMemberSS:
		return sortedStrings(av.Value), nil
	case *types.AttributeValueMemberNS:
		return numberList(av.Value), nil
	}
	return nil, fmt.Errorf("attribute of type %T has no JSON form", av)
}

func listToJSON(avs []types.AttributeValue) ([]any, error) {
	l := make([]any, len(avs))
	for i, av := range avs {
		v, err := jsonFromAV(av)
		if err != nil {
			return nil, err
		}
		l[i] = v
	}
	return l, nil
}

func mapToJSON(avs map[string]types.AttributeValue) (map[string]any, error) {
	m := make(map[string]any, len(avs))
	for k, av := range avs {
		v, err := jsonFromAV(av)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", k, err)
		}
		m[k] = v
	}
	return m, nil
}

// Sets are never written by this engine; they are read as arrays in case a person adds one.
func sortedStrings(ss []string) []any {
	s := append([]string(nil), ss...)
	sort.Strings(s)
	l := make([]any, len(s))
	for i, v := range s {
		l[i] = v
	}
	return l
}

func numberList(ns []string) []any {
	l := make([]any, len(ns))
	for i, v := range ns {
		l[i] = json.Number(v)
	}
	return l
}
