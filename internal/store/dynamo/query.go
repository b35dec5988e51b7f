package dynamo

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// Query returns the items q selects. It reads one item beyond the limit, so that the cursor is
// empty exactly when no item remains, and reads on past pages that expired items thinned out.
// Queries of the primary index are strongly consistent; those of a secondary index cannot be
// (DynamoDB updates indexes asynchronously, usually within a second).
func (s *Store) Query(ctx context.Context, q store.Query) (store.Page, error) {
	in, err := s.queryInput(q)
	if err != nil {
		return store.Page{}, fmt.Errorf("query %s %q: %w", indexName(q.Index), q.PK, err)
	}
	if in == nil {
		return store.Page{}, nil
	}
	var items []map[string]types.AttributeValue
	for {
		if q.Limit > 0 {
			in.Limit = aws.Int32(int32(min(q.Limit+1-len(items), 1000)))
		}
		out, err := s.db.Query(ctx, in)
		if err != nil {
			return store.Page{}, fmt.Errorf("query %s %q: %w", indexName(q.Index), q.PK, err)
		}
		items = append(items, out.Items...)
		in.ExclusiveStartKey = out.LastEvaluatedKey
		if out.LastEvaluatedKey == nil || (q.Limit > 0 && len(items) > q.Limit) {
			return s.page(q, items)
		}
	}
}

// page converts the items read into a page of at most q.Limit items.
func (s *Store) page(q store.Query, ms []map[string]types.AttributeValue) (store.Page, error) {
	var p store.Page
	if q.Limit > 0 && len(ms) > q.Limit {
		ms = ms[:q.Limit]
		p.Cursor = encodeCursor(q.Index, ms[len(ms)-1])
	}
	p.Items = make([]store.Item, len(ms))
	for i, m := range ms {
		it, err := itemFromAttrs(m)
		if err != nil {
			return store.Page{}, err
		}
		p.Items[i] = it
	}
	return p, nil
}

// queryInput builds the request, or returns nil for a range that holds nothing.
func (s *Store) queryInput(q store.Query) (*dynamodb.QueryInput, error) {
	if q.PK == "" || q.Limit < 0 || (q.Prefix != "" && (q.From != "" || q.To != "")) {
		return nil, fmt.Errorf("%w: a query needs a partition, a limit of 0 or more, "+
			"and a prefix or a range, not both", store.ErrInvalid)
	}
	pkAttr, skAttr, err := indexAttrs(q.Index)
	if err != nil {
		return nil, err
	}
	if q.Prefix == "" && q.From != "" && q.To != "" && q.From > q.To {
		return nil, nil
	}
	e := newExpr()
	in := &dynamodb.QueryInput{
		TableName:              &s.table,
		KeyConditionExpression: aws.String(keyCondition(e, q, pkAttr, skAttr)),
		FilterExpression:       aws.String(e.liveOrAbsent(s.nowSec())),
		ScanIndexForward:       aws.Bool(!q.Backward),
	}
	if q.Index == store.Primary {
		in.ConsistentRead = aws.Bool(true)
	} else {
		in.IndexName = aws.String(string(q.Index))
	}
	if in.ExclusiveStartKey, err = decodeCursor(q); err != nil {
		return nil, err
	}
	in.ExpressionAttributeNames, in.ExpressionAttributeValues = e.names, e.values
	return in, nil
}

// keyCondition selects the partition and the sort-key range.
func keyCondition(e *expr, q store.Query, pkAttr, skAttr string) string {
	cond := e.name(pkAttr) + " = " + e.value(str(q.PK))
	if q.Prefix == "" && q.From == "" && q.To == "" {
		return cond
	}
	sk := e.name(skAttr)
	switch {
	case q.Prefix != "":
		return cond + " AND begins_with(" + sk + ", " + e.value(str(q.Prefix)) + ")"
	case q.From != "" && q.To != "":
		return cond + " AND " + sk + " BETWEEN " + e.value(str(q.From)) + " AND " + e.value(str(q.To))
	case q.From != "":
		return cond + " AND " + sk + " >= " + e.value(str(q.From))
	case q.To != "":
	}
	return cond + " AND " + sk + " <= " + e.value(str(q.To))
}

// indexAttrs names the key attributes of an index.
func indexAttrs(ix store.Index) (pk, sk string, err error) {
	switch ix {
	case store.Primary:
		return attrPK, attrSK, nil
	case store.GSI1:
		return attrGSI1PK, attrGSI1SK, nil
	case store.GSI2:
		return attrGSI2PK, attrGSI2SK, nil
	}
	return "", "", fmt.Errorf("%w: unknown index %q", store.ErrInvalid, ix)
}

func indexName(ix store.Index) string {
	if ix == store.Primary {
		return "primary"
	}
	return string(ix)
}
