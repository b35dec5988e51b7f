package dynamo

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/licensorhq/licensor/internal/store"
)

// resendable reports whether op, alone in a write, may go as the plain request. The SDK resends
// a request whose response was lost (a reset connection, a 5xx), and a plain request carries no
// token by which DynamoDB could tell it has applied it already. A second put or delete without
// condition, or a second update that only sets fields, leaves the item as the first did; a
// second add adds again, and a second conditional write finds its own first one and fails its
// condition. Those go as a transaction of one, whose client token the SDK keeps across its
// resends: DynamoDB applies a transaction once per token (for 10 minutes) and answers a resend
// as it answered the first. So does the put that replaces an expired item (conditioned on it).
func resendable(op store.Op, expired int64) bool {
	return op.If == nil && len(op.Add) == 0 && expired == 0
}

// single runs a write of one put, update or delete that is resendable as the plain request.
func (s *Store) single(ctx context.Context, a *attempt, now int64) error {
	r, err := build(a.ops[0], now, a.expired[0])
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	err = s.send(ctx, r)
	var failed *types.ConditionalCheckFailedException
	var conflict *types.TransactionConflictException
	switch {
	case err == nil:
		return nil
	case errors.As(err, &failed):
		return s.resolve(ctx, a, 0, failed.Item, now)
	case errors.As(err, &conflict):
		return &errRetry{why: err}
	}
	return writeError(err)
}

func (s *Store) send(ctx context.Context, r request) error {
	cond, names, values := optional(r.cond), r.e.namesOrNil(), r.e.valuesOrNil()
	old := types.ReturnValuesOnConditionCheckFailureAllOld
	var err error
	switch r.kind {
	case store.OpPut:
		_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: &s.table, Item: r.item, ConditionExpression: cond,
			ExpressionAttributeNames: names, ExpressionAttributeValues: values,
			ReturnValuesOnConditionCheckFailure: old,
		})
	case store.OpUpdate:
		_, err = s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName: &s.table, Key: r.key, UpdateExpression: &r.update,
			ConditionExpression: cond, ExpressionAttributeNames: names,
			ExpressionAttributeValues: values, ReturnValuesOnConditionCheckFailure: old,
		})
	case store.OpDelete:
		_, err = s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{
			TableName: &s.table, Key: r.key, ConditionExpression: cond,
			ExpressionAttributeNames: names, ExpressionAttributeValues: values,
			ReturnValuesOnConditionCheckFailure: old,
		})
	}
	return err
}

// optional leaves out an empty expression, which DynamoDB refuses.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return aws.String(s)
}

// resolve finds out why the condition of operation i failed, given the item as DynamoDB saw it:
// the operation's own condition, an expired item in an update's way, or a race with another
// write that has passed.
func (s *Store) resolve(ctx context.Context, a *attempt, i int,
	old map[string]types.AttributeValue, now int64) error {
	op := a.ops[i]
	if _, rewritten := a.expired[i]; rewritten {
		delete(a.expired, i) // the expired item changed meanwhile: look again
		return &errRetry{why: errors.New("expired item replaced meanwhile")}
	}
	// DynamoDB returns no item when there is none; only if the condition would then have held
	// is the item read, in case DynamoDB did not say.
	if old == nil && (op.If == nil || holdsOrFalse(*op.If, nil, now)) {
		var err error
		if old, err = s.getAttrs(ctx, op.Target()); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if op.Kind == store.OpUpdate && old != nil && expiredAt(old, now) {
		if op.If == nil || holdsOrFalse(*op.If, nil, now) {
			a.expired[i], _ = ttlOf(old)
			return &errRetry{why: errors.New("update of an expired item")}
		}
		return &store.ConditionError{Index: i, Key: op.Target()}
	}
	if op.If != nil && !holdsOrFalse(*op.If, old, now) {
		return &store.ConditionError{Index: i, Key: op.Target()}
	}
	return &errRetry{why: errors.New("condition failed, then held")}
}

// holdsOrFalse is holds for conditions that build has already rendered, so cannot be invalid.
func holdsOrFalse(c store.Condition, m map[string]types.AttributeValue, now int64) bool {
	ok, _ := holds(c, m, now)
	return ok
}
