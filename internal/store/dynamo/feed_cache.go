package dynamo

import (
	"time"

	streamtypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
)

// A reader that polls an idle stream would otherwise pay three requests a poll: DescribeStream,
// GetShardIterator and GetRecords. The store remembers the shard list for a while, and the
// iterator that continues each shard where the last read left it, which makes such a poll one
// GetRecords per open shard.
const (
	shardListAge = time.Minute      // the list also goes stale when a shard is seen closed
	iteratorAge  = 10 * time.Minute // DynamoDB Streams iterators expire after 15 minutes
)

// streamCache is guarded by Store.mu.
type streamCache struct {
	shards   []streamtypes.Shard
	listedAt time.Time
	iters    map[string]cachedIterator // by shard id
}

// cachedIterator continues a shard after sequence number after ("" for its oldest record).
type cachedIterator struct {
	after string
	it    string
	at    time.Time
}

func (s *Store) cachedShards() []streamtypes.Shard {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Since(s.cache.listedAt) > shardListAge {
		return nil
	}
	return s.cache.shards
}

func (s *Store) cacheShards(shards []streamtypes.Shard) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.shards, s.cache.listedAt = shards, time.Now()
}

// forgetShards makes the next read list the shards again: one has closed, so children follow.
func (s *Store) forgetShards() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.listedAt = time.Time{}
}

// cachedIterator returns the iterator that continues shard id after sequence number after.
func (s *Store) cachedIterator(id, after string) *string {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.cache.iters[id]
	if !ok || c.after != after || time.Since(c.at) > iteratorAge {
		return nil
	}
	return &c.it
}

func (s *Store) cacheIterator(id, after string, it *string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache.iters == nil {
		s.cache.iters = map[string]cachedIterator{}
	}
	if it == nil {
		delete(s.cache.iters, id)
		return
	}
	s.cache.iters[id] = cachedIterator{after: after, it: *it, at: time.Now()}
}
