package dynamo

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	streamtypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
)

// iterator starts after the last record read from shard id, or at its oldest record. It
// returns nil for a shard that has gone.
func (r *feedRead) iterator(ctx context.Context, id string) (*string, error) {
	in := &dynamodbstreams.GetShardIteratorInput{
		StreamArn: &r.arn, ShardId: &id, ShardIteratorType: streamtypes.ShardIteratorTypeTrimHorizon,
	}
	if seq, ok := r.pos.Seq[id]; ok {
		in.ShardIteratorType = streamtypes.ShardIteratorTypeAfterSequenceNumber
		in.SequenceNumber = &seq
	}
	out, err := r.s.streams.GetShardIterator(ctx, in)
	var trimmed *streamtypes.TrimmedDataAccessException
	var gone *streamtypes.ResourceNotFoundException
	switch {
	case errors.As(err, &trimmed): // older than the stream keeps: on from the oldest kept
		delete(r.pos.Seq, id)
		return r.iterator(ctx, id)
	case errors.As(err, &gone):
		r.pos.finish(id)
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("get iterator of shard %s: %w", id, err)
	}
	return out.ShardIterator, nil
}

// records takes the changes of streamed types from a page of records, each with the position
// after it; full says the limit is reached.
func (r *feedRead) records(id string, recs []streamtypes.Record) (full bool, err error) {
	for _, rec := range recs {
		ch, err := ChangeFromStreamRecord(rec)
		if err != nil {
			return false, err
		}
		r.pos.Seq[id] = aws.ToString(rec.Dynamodb.SequenceNumber)
		if !r.s.opts.IsStreamed(ch.Type) {
			continue
		}
		ch.Position = r.pos.encode()
		r.changes = append(r.changes, ch)
		if len(r.changes) == r.limit {
			return true, nil
		}
	}
	return false, nil
}
