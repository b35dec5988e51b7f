package dynamo

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// A cursor is the keys of the last item returned, as base64url JSON: the table's key and, for a
// secondary index, the index key, which is what ExclusiveStartKey takes. It names the item and
// not its position, so it stays valid when items are written or deleted meanwhile.
func encodeCursor(ix store.Index, m map[string]types.AttributeValue) string {
	keys := map[string]string{attrPK: stringAttr(m, attrPK), attrSK: stringAttr(m, attrSK)}
	if pk, sk, err := indexAttrs(ix); err == nil && ix != store.Primary {
		keys[pk], keys[sk] = stringAttr(m, pk), stringAttr(m, sk)
	}
	b, _ := json.Marshal(keys) // a map of strings always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns the start key that q's cursor stands for; nil for none. A cursor of
// another partition or index is refused rather than passed on.
func decodeCursor(q store.Query) (map[string]types.AttributeValue, error) {
	if q.Cursor == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
	var keys map[string]string
	if err == nil {
		err = json.Unmarshal(b, &keys)
	}
	pk, sk, _ := indexAttrs(q.Index)
	if err != nil || keys[pk] != q.PK || keys[sk] == "" || keys[attrPK] == "" || keys[attrSK] == "" {
		return nil, fmt.Errorf("%w: cursor of another query", store.ErrInvalid)
	}
	start := map[string]types.AttributeValue{}
	for _, a := range []string{attrPK, attrSK, pk, sk} {
		start[a] = str(keys[a])
	}
	return start, nil
}
