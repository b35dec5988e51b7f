package dynamo

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// Get returns the item at k with a strongly consistent read; an expired item is not found.
func (s *Store) Get(ctx context.Context, k store.Key) (store.Item, error) {
	m, err := s.getAttrs(ctx, k)
	if err != nil {
		return store.Item{}, err
	}
	if m == nil || expiredAt(m, s.nowSec()) {
		return store.Item{}, fmt.Errorf("get %s/%s: %w", k.PK, k.SK, store.ErrNotFound)
	}
	return itemFromAttrs(m)
}

// getAttrs reads the stored attributes at k, nil when there is no item.
func (s *Store) getAttrs(
	ctx context.Context, k store.Key,
) (map[string]types.AttributeValue, error) {
	if k.PK == "" || k.SK == "" {
		return nil, fmt.Errorf("get: %w: empty key", store.ErrInvalid)
	}
	out, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName:      &s.table,
		Key:            keyAttrs(k),
		ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, fmt.Errorf("get %s/%s: %w", k.PK, k.SK, err)
	}
	return out.Item, nil
}
