package dynamo_test

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go/middleware"
)

// meter asks every DynamoDB request for its consumed capacity and adds it up; the engine itself
// never asks, so what it measures is what the engine's own requests cost.
type meter struct {
	mu       sync.Mutex
	requests int
	read     float64 // read capacity units, table and indexes
	write    float64 // write capacity units, table and indexes
	index    float64 // of which the secondary indexes
}

func (m *meter) reset() (requests int, read, write, index float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	requests, read, write, index = m.requests, m.read, m.write, m.index
	m.requests, m.read, m.write, m.index = 0, 0, 0, 0
	return requests, read, write, index
}

// install adds the meter to a client's middleware stack.
func (m *meter) install(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("meter",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler,
		) (middleware.InitializeOutput, middleware.Metadata, error) {
			askCapacity(in.Parameters)
			out, md, err := next.HandleInitialize(ctx, in)
			m.add(isRead(in.Parameters), consumed(out.Result))
			return out, md, err
		}), middleware.Before)
}

func askCapacity(in any) {
	const all = types.ReturnConsumedCapacityIndexes
	switch in := in.(type) {
	case *dynamodb.GetItemInput:
		in.ReturnConsumedCapacity = all
	case *dynamodb.QueryInput:
		in.ReturnConsumedCapacity = all
	case *dynamodb.PutItemInput:
		in.ReturnConsumedCapacity = all
	case *dynamodb.UpdateItemInput:
		in.ReturnConsumedCapacity = all
	case *dynamodb.DeleteItemInput:
		in.ReturnConsumedCapacity = all
	case *dynamodb.TransactWriteItemsInput:
		in.ReturnConsumedCapacity = all
	}
}

func consumed(out any) []types.ConsumedCapacity {
	switch out := out.(type) {
	case *dynamodb.GetItemOutput:
		return []types.ConsumedCapacity{deref(out.ConsumedCapacity)}
	case *dynamodb.QueryOutput:
		return []types.ConsumedCapacity{deref(out.ConsumedCapacity)}
	case *dynamodb.PutItemOutput:
		return []types.ConsumedCapacity{deref(out.ConsumedCapacity)}
	case *dynamodb.UpdateItemOutput:
		return []types.ConsumedCapacity{deref(out.ConsumedCapacity)}
	case *dynamodb.DeleteItemOutput:
		return []types.ConsumedCapacity{deref(out.ConsumedCapacity)}
	case *dynamodb.TransactWriteItemsOutput:
		return out.ConsumedCapacity
	}
	return nil
}

func deref(c *types.ConsumedCapacity) types.ConsumedCapacity {
	if c == nil {
		return types.ConsumedCapacity{}
	}
	return *c
}

func isRead(in any) bool {
	switch in.(type) {
	case *dynamodb.GetItemInput, *dynamodb.QueryInput:
		return true
	}
	return false
}

// add counts a request and its units, which DynamoDB reports as read or write units by the
// kind of request.
func (m *meter) add(read bool, cs []types.ConsumedCapacity) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests++
	for _, c := range cs {
		if read {
			m.read += aws.ToFloat64(c.CapacityUnits)
		} else {
			m.write += aws.ToFloat64(c.CapacityUnits)
		}
		for _, ix := range c.GlobalSecondaryIndexes {
			m.index += aws.ToFloat64(ix.CapacityUnits)
		}
	}
}
