package dynamo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// The attributes of an item. Body fields are top-level attributes named fieldPrefix+field, so
// that an update can set one on an item that does not exist yet (a path inside a map attribute
// cannot be set when the map is missing) and a condition can address it.
const (
	attrPK      = "pk"
	attrSK      = "sk"
	attrType    = "type"
	attrGSI1PK  = "gsi1pk"
	attrGSI1SK  = "gsi1sk"
	attrGSI2PK  = "gsi2pk"
	attrGSI2SK  = "gsi2sk"
	attrTTL     = "ttl"
	fieldPrefix = "b_"
)

// keyAttrs is the primary key of k as DynamoDB takes it.
func keyAttrs(k store.Key) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{attrPK: str(k.PK), attrSK: str(k.SK)}
}

func str(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }

func num(n int64) types.AttributeValue {
	return &types.AttributeValueMemberN{Value: strconv.FormatInt(n, 10)}
}

// itemAttrs converts an item to the attributes that store it.
func itemAttrs(it store.Item) (map[string]types.AttributeValue, error) {
	m := keyAttrs(it.Key)
	setString(m, attrType, it.Type)
	setString(m, attrGSI1PK, it.GSI1.PK)
	setString(m, attrGSI1SK, it.GSI1.SK)
	setString(m, attrGSI2PK, it.GSI2.PK)
	setString(m, attrGSI2SK, it.GSI2.SK)
	if !it.ExpiresAt.IsZero() {
		m[attrTTL] = num(it.ExpiresAt.Unix())
	}
	fields, err := bodyFields(it.Body)
	if err != nil {
		return nil, err
	}
	for f, v := range fields {
		av, err := avFromJSON(v)
		if err != nil {
			return nil, fmt.Errorf("body field %q: %w", f, err)
		}
		m[fieldPrefix+f] = av
	}
	return m, nil
}

// setString leaves out empty values: an item without an index key is not in that index.
func setString(m map[string]types.AttributeValue, name, v string) {
	if v != "" {
		m[name] = str(v)
	}
}

// bodyFields decodes a JSON object body, keeping numbers as their text.
func bodyFields(body json.RawMessage) (map[string]any, error) {
	fields := map[string]any{}
	if len(bytes.TrimSpace(body)) == 0 {
		return fields, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&fields); err != nil {
		return nil, fmt.Errorf("%w: decode body: %v", store.ErrInvalid, err)
	}
	return fields, nil
}

// itemFromAttrs converts stored attributes back to an item.
func itemFromAttrs(m map[string]types.AttributeValue) (store.Item, error) {
	it := store.Item{
		Key:  store.Key{PK: stringAttr(m, attrPK), SK: stringAttr(m, attrSK)},
		Type: stringAttr(m, attrType),
		GSI1: store.IndexKey{PK: stringAttr(m, attrGSI1PK), SK: stringAttr(m, attrGSI1SK)},
		GSI2: store.IndexKey{PK: stringAttr(m, attrGSI2PK), SK: stringAttr(m, attrGSI2SK)},
	}
	if ttl, ok := ttlOf(m); ok {
		it.ExpiresAt = time.Unix(ttl, 0).UTC()
	}
	body, err := bodyFromAttrs(m)
	if err != nil {
		return store.Item{}, fmt.Errorf("item %s/%s: %w", it.PK, it.SK, err)
	}
	it.Body = body
	return it, nil
}

func stringAttr(m map[string]types.AttributeValue, name string) string {
	if s, ok := m[name].(*types.AttributeValueMemberS); ok {
		return s.Value
	}
	return ""
}

// ttlOf returns the item's expiry in epoch seconds, when it has one.
func ttlOf(m map[string]types.AttributeValue) (int64, bool) {
	n, ok := m[attrTTL].(*types.AttributeValueMemberN)
	if !ok {
		return 0, false
	}
	ttl, err := strconv.ParseInt(n.Value, 10, 64)
	return ttl, err == nil
}

func bodyFromAttrs(m map[string]types.AttributeValue) (json.RawMessage, error) {
	fields := map[string]any{}
	for name, av := range m {
		f, ok := strings.CutPrefix(name, fieldPrefix)
		if !ok {
			continue
		}
		v, err := jsonFromAV(av)
		if err != nil {
			return nil, fmt.Errorf("body field %q: %w", f, err)
		}
		fields[f] = v
	}
	return marshalJSON(fields)
}

// marshalJSON encodes without escaping <, > and &, which would only change the bytes.
func marshalJSON(v any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode body: %w", err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
