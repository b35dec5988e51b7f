package dynamo

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	streamtypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"

	"github.com/licensorhq/licensor/internal/store"
)

// maxMemo bounds the positions remembered past records of types that are not streamed.
const maxMemo = 64

// feedRead is one ReadChanges in progress.
type feedRead struct {
	s       *Store
	arn     string
	pos     position
	limit   int
	changes []store.Change
}

// ReadChanges reads the table's stream after position after: the shards in order, parents
// before children, each from where after left it. Records of types that are not streamed are
// skipped; since a position only travels with a change, the store remembers where a read that
// skipped such records ended, so that the next read from the same position need not read them
// again (a new process reads them once more).
func (s *Store) ReadChanges(ctx context.Context, after string, limit int) ([]store.Change, error) {
	if s.streams == nil {
		return nil, errors.New("read changes: the store has no streams client")
	}
	if limit <= 0 {
		return nil, fmt.Errorf("read changes: %w: limit %d", store.ErrInvalid, limit)
	}
	r, err := s.newFeedRead(ctx, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read changes: %w", err)
	}
	if err := r.run(ctx); err != nil {
		return nil, fmt.Errorf("read changes: %w", err)
	}
	s.remember(after, r)
	return r.changes, nil
}

// Changed returns nil: DynamoDB tells no one of a commit, so readers poll.
func (s *Store) Changed() <-chan struct{} { return nil }

func (s *Store) newFeedRead(ctx context.Context, after string, limit int) (*feedRead, error) {
	arn, err := s.streamARN(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	start, ok := s.memo[after]
	s.mu.Unlock()
	if !ok {
		start = after
	}
	pos, err := decodePosition(start)
	return &feedRead{s: s, arn: arn, pos: pos, limit: limit}, err
}

// remember notes where the read from after ended, keyed by the position the caller will pass
// next: the last change's, or after itself when no change came.
func (s *Store) remember(after string, r *feedRead) {
	key := after
	if n := len(r.changes); n > 0 {
		key = r.changes[n-1].Position
	}
	end := r.pos.encode()
	s.mu.Lock()
	defer s.mu.Unlock()
	if end == key {
		return
	}
	if len(s.memo) >= maxMemo {
		clear(s.memo)
	}
	s.memo[key] = end
}

func (r *feedRead) run(ctx context.Context) error {
	shards, err := r.s.shards(ctx, r.arn)
	if err != nil {
		return err
	}
	listed := make(map[string]bool, len(shards))
	for _, sh := range shards {
		listed[aws.ToString(sh.ShardId)] = true
	}
	r.pos.prune(listed)
	for _, sh := range shards {
		id, parent := aws.ToString(sh.ShardId), aws.ToString(sh.ParentShardId)
		if r.pos.Done[id] || (listed[parent] && !r.pos.Done[parent]) {
			continue // read, or waiting for its parent to be read to its end
		}
		if err := r.shard(ctx, id); err != nil || len(r.changes) == r.limit {
			return err
		}
	}
	return nil
}

// shard reads one shard until it is read to its end, has nothing new, or the limit is reached.
func (r *feedRead) shard(ctx context.Context, id string) error {
	out, err := r.firstRecords(ctx, id)
	for err == nil && out != nil {
		var full bool
		switch full, err = r.records(id, out.Records); {
		case full || err != nil:
			return err
		case out.NextShardIterator == nil:
			r.pos.finish(id)
			r.s.forgetShards()
			return nil
		case len(out.Records) == 0:
			r.s.cacheIterator(id, r.pos.Seq[id], out.NextShardIterator)
			return nil
		}
		out, err = r.s.streams.GetRecords(ctx,
			&dynamodbstreams.GetRecordsInput{ShardIterator: out.NextShardIterator})
	}
	if err != nil {
		return fmt.Errorf("get records of shard %s: %w", id, err)
	}
	return nil
}

// firstRecords reads the first page of shard id, with the remembered iterator when there is
// one and it has not expired; nil when the shard has gone.
func (r *feedRead) firstRecords(
	ctx context.Context, id string,
) (*dynamodbstreams.GetRecordsOutput, error) {
	if it := r.s.cachedIterator(id, r.pos.Seq[id]); it != nil {
		r.s.cacheIterator(id, "", nil) // used once: the read moves on
		out, err := r.s.streams.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: it})
		var expired *streamtypes.ExpiredIteratorException
		if !errors.As(err, &expired) {
			return out, err
		}
	}
	it, err := r.iterator(ctx, id)
	if err != nil || it == nil {
		return nil, err
	}
	return r.s.streams.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: it})
}
