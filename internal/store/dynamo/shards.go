package dynamo

import (
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	streamtypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
)

// shards lists the stream's shards, parents before children: a child's sequence numbers all
// follow its parent's, so the order of starting sequence numbers is such an order.
func (s *Store) shards(ctx context.Context, arn string) ([]streamtypes.Shard, error) {
	if cached := s.cachedShards(); cached != nil {
		return cached, nil
	}
	var all []streamtypes.Shard
	in := &dynamodbstreams.DescribeStreamInput{StreamArn: &arn}
	for {
		out, err := s.streams.DescribeStream(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("describe stream: %w", err)
		}
		all = append(all, out.StreamDescription.Shards...)
		in.ExclusiveStartShardId = out.StreamDescription.LastEvaluatedShardId
		if in.ExclusiveStartShardId == nil {
			break
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		return seqLess(startSeq(all[i]), startSeq(all[j]))
	})
	s.cacheShards(all)
	return all, nil
}

func startSeq(sh streamtypes.Shard) string {
	if sh.SequenceNumberRange == nil {
		return ""
	}
	return aws.ToString(sh.SequenceNumberRange.StartingSequenceNumber)
}

// seqLess compares sequence numbers, decimal integers of varying length.
func seqLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// streamARN is the table's current stream, read on first use.
func (s *Store) streamARN(ctx context.Context) (string, error) {
	s.mu.Lock()
	arn := s.stream
	s.mu.Unlock()
	if arn != "" {
		return arn, nil
	}
	if err := s.Ping(ctx); err != nil {
		return "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stream == "" {
		return "", fmt.Errorf("table %s has no stream", s.table)
	}
	return s.stream, nil
}
