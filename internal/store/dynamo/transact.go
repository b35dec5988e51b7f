package dynamo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/licensorhq/licensor/internal/store"
)

// transact runs a write of several operations as one TransactWriteItems.
func (s *Store) transact(ctx context.Context, a *attempt, now int64) error {
	items := make([]types.TransactWriteItem, len(a.ops))
	for i, op := range a.ops {
		r, err := build(op, now, a.expired[i])
		if err != nil {
			return fmt.Errorf("write: operation %d: %w", i, err)
		}
		items[i] = s.transactItem(r)
	}
	_, err := s.db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: items})
	var canceled *types.TransactionCanceledException
	if err == nil || !errors.As(err, &canceled) {
		return writeError(err)
	}
	return s.canceled(ctx, a, canceled, now)
}

func (s *Store) transactItem(r request) types.TransactWriteItem {
	cond, names, values := optional(r.cond), r.e.namesOrNil(), r.e.valuesOrNil()
	old := types.ReturnValuesOnConditionCheckFailureAllOld
	switch r.kind {
	case store.OpPut:
		return types.TransactWriteItem{Put: &types.Put{TableName: &s.table, Item: r.item,
			ConditionExpression: cond, ExpressionAttributeNames: names,
			ExpressionAttributeValues: values, ReturnValuesOnConditionCheckFailure: old}}
	case store.OpUpdate:
		return types.TransactWriteItem{Update: &types.Update{TableName: &s.table, Key: r.key,
			UpdateExpression: &r.update, ConditionExpression: cond,
			ExpressionAttributeNames: names, ExpressionAttributeValues: values,
			ReturnValuesOnConditionCheckFailure: old}}
	case store.OpDelete:
		return types.TransactWriteItem{Delete: &types.Delete{TableName: &s.table, Key: r.key,
			ConditionExpression: cond, ExpressionAttributeNames: names,
			ExpressionAttributeValues: values, ReturnValuesOnConditionCheckFailure: old}}
	}
	return types.TransactWriteItem{ConditionCheck: &types.ConditionCheck{TableName: &s.table,
		Key: r.key, ConditionExpression: cond, ExpressionAttributeNames: names,
		ExpressionAttributeValues: values, ReturnValuesOnConditionCheckFailure: old}}
}

// canceled reads the cancellation reasons, one per operation in order: a failed condition is
// resolved, a conflict with another transaction or throttling is retried.
func (s *Store) canceled(ctx context.Context, a *attempt,
	e *types.TransactionCanceledException, now int64) error {
	retry := false
	for i, r := range e.CancellationReasons {
		switch aws.ToString(r.Code) {
		case "ConditionalCheckFailed":
			return s.resolve(ctx, a, i, r.Item, now)
		case "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded",
			"RequestLimitExceeded":
			retry = true
		case "ValidationError":
			if tooLarge(aws.ToString(r.Message)) {
				return fmt.Errorf("write: operation %d: %w: %s", i, store.ErrTooLarge,
					aws.ToString(r.Message))
			}
		}
	}
	if retry {
		return &errRetry{why: e}
	}
	return writeError(e)
}

// writeError maps DynamoDB's refusals of a write to the contract's errors.
func writeError(err error) error {
	if err == nil {
		return nil
	}
	var api smithy.APIError
	if errors.As(err, &api) && tooLarge(api.ErrorMessage()) {
		return fmt.Errorf("write: %w: %v", store.ErrTooLarge, err)
	}
	return fmt.Errorf("write: %w", err)
}

// tooLarge recognises DynamoDB's messages for items and transactions over its size limits.
func tooLarge(msg string) bool {
	msg = strings.ToLower(msg)
	return strings.Contains(msg, "size") && strings.Contains(msg, "exceed")
}
