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

// transact runs a write as one TransactWriteItems: of several operations, or of one that is not
// resendable as a plain request. The SDK fills in its ClientRequestToken and resends the same
// token when a response is lost, so DynamoDB applies it once; each attempt of the engine's own
// (after a cancellation, which changed nothing) is a new transaction with a new token.
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
			return reasonError(i, aws.ToString(r.Message))
		}
	}
	if retry {
		return &errRetry{why: e}
	}
	return writeError(e)
}

// writeError maps DynamoDB's refusals of a write to the contract's errors.
func writeError(err error) error {
	var api smithy.APIError
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &api) || api.ErrorCode() != "ValidationException":
		return fmt.Errorf("write: %w", err)
	case tooLarge(api.ErrorMessage()):
		return fmt.Errorf("write: %w: %v", store.ErrTooLarge, err)
	case unstorable(api.ErrorMessage()):
		return fmt.Errorf("write: %w: %v", store.ErrInvalid, err)
	}
	return fmt.Errorf("write: %w", err)
}

// tooLarge recognises DynamoDB's messages for items, keys and transactions over its limits.
func tooLarge(msg string) bool {
	msg = strings.ToLower(msg)
	return strings.Contains(msg, "size") && strings.Contains(msg, "exceed") ||
		strings.Contains(msg, "key values must be under")
}

// unstorable recognises DynamoDB's messages for values it cannot hold: numbers beyond 38 digits
// or its range, and an addition to a field that is not a number.
func unstorable(msg string) bool {
	msg = strings.ToLower(msg)
	for _, s := range []string{"number overflow", "number underflow", "precision",
		"incorrect data type"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// reasonError maps the reason DynamoDB refused operation i of a transaction.
func reasonError(i int, msg string) error {
	switch {
	case tooLarge(msg):
		return fmt.Errorf("write: operation %d: %w: %s", i, store.ErrTooLarge, msg)
	case unstorable(msg):
		return fmt.Errorf("write: operation %d: %w: %s", i, store.ErrInvalid, msg)
	}
	return fmt.Errorf("write: operation %d: %s", i, msg)
}
