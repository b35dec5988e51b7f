// Package dynamo is the DynamoDB engine of the storage contract (package store): one table with
// a partition and sort key, two global secondary indexes, a TTL attribute and a stream of new
// and old images. docs/storage.md describes the table; every operation of the contract is one
// request, or one transaction, on it, and none ever scans.
//
// Expired items stay in the table until DynamoDB's TTL process deletes them, up to days later,
// so every read and condition here filters them itself. The change feed reads the table's
// stream; ChangeFromStreamRecord and ChangeFromEventRecord turn a stream record into a
// store.Change for any other reader of the stream, such as a Lambda function.
package dynamo

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"

	"github.com/licensorhq/licensor/internal/store"
)

// Config says which table the engine uses and through which clients.
type Config struct {
	Table string
	DB    *dynamodb.Client
	// Streams reads the table's stream for the change feed; nil leaves the store without one.
	Streams *dynamodbstreams.Client
}

// Store is the storage contract on one DynamoDB table. It is safe for concurrent use.
type Store struct {
	db      *dynamodb.Client
	streams *dynamodbstreams.Client
	table   string
	opts    store.Options
	now     func() time.Time

	mu     sync.Mutex
	stream string
	memo   map[string]string // see feed.go
	cache  streamCache
}

var (
	_ store.Store        = (*Store)(nil)
	_ store.ChangeReader = (*Store)(nil)
)

// Open returns the store on cfg's table, which must exist (see CreateTable).
func Open(ctx context.Context, cfg Config, opts store.Options) (*Store, error) {
	if cfg.Table == "" || cfg.DB == nil {
		return nil, errors.New("open dynamodb store: table and client are required")
	}
	s := &Store{
		db: cfg.DB, streams: cfg.Streams, table: cfg.Table,
		opts: opts, now: opts.Clock(), memo: map[string]string{},
	}
	if err := s.Ping(ctx); err != nil {
		return nil, fmt.Errorf("open dynamodb store: %w", err)
	}
	return s, nil
}

// Ping reports whether the table is reachable and active.
func (s *Store) Ping(ctx context.Context) error {
	out, err := s.db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: &s.table})
	if err != nil {
		return fmt.Errorf("describe table %s: %w", s.table, err)
	}
	if st := out.Table.TableStatus; st != "ACTIVE" {
		return fmt.Errorf("table %s is %s, not ACTIVE", s.table, st)
	}
	s.mu.Lock()
	s.stream = aws.ToString(out.Table.LatestStreamArn)
	s.mu.Unlock()
	return nil
}

// Close releases nothing: the clients belong to the caller.
func (s *Store) Close() error { return nil }

// nowSec is the store clock in epoch seconds, the unit of the TTL attribute.
func (s *Store) nowSec() int64 { return s.now().Unix() }
