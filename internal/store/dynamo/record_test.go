package dynamo_test

import (
	"context"
	"encoding/json"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
)

// lambdaEvent is a stream event as Lambda delivers it: the update of a streamed item.
const lambdaEvent = `{"Records":[{"eventID":"1","eventName":"MODIFY","eventSource":"aws:dynamodb",
"dynamodb":{"ApproximateCreationDateTime":1800000000,"SequenceNumber":"111","SizeBytes":90,
"StreamViewType":"NEW_AND_OLD_IMAGES","Keys":{"pk":{"S":"u"},"sk":{"S":"1"}},
"OldImage":{"pk":{"S":"u"},"sk":{"S":"1"},"type":{"S":"user"},"b_n":{"N":"9223372036854775806"}},
"NewImage":{"pk":{"S":"u"},"sk":{"S":"1"},"type":{"S":"user"},"gsi1pk":{"S":"g"},
"gsi1sk":{"S":"h"},"ttl":{"N":"1800000600"},"b_n":{"N":"9223372036854775807"},
"b_o":{"M":{"l":{"L":[{"BOOL":true},{"NULL":true},{"S":"x"}]}}}}}},
{"eventID":"2","eventName":"MODIFY","eventSource":"aws:dynamodb",
"dynamodb":{"ApproximateCreationDateTime":1800000000,"SequenceNumber":"112",
"Keys":{"pk":{"S":"u"},"sk":{"S":"2"}},
"OldImage":{"pk":{"S":"u"},"sk":{"S":"2"},"type":{"S":"user"},"ttl":{"N":"1800000000"}},
"NewImage":{"pk":{"S":"u"},"sk":{"S":"2"},"type":{"S":"user"}}}},
{"eventID":"3","eventName":"REMOVE","eventSource":"aws:dynamodb",
"dynamodb":{"ApproximateCreationDateTime":1800000000,"SequenceNumber":"113",
"Keys":{"pk":{"S":"u"},"sk":{"S":"2"}},
"OldImage":{"pk":{"S":"u"},"sk":{"S":"2"},"type":{"S":"user"},"ttl":{"N":"1800000000"}}}}]}`

func TestChangeFromEventRecord(t *testing.T) {
	t.Parallel()
	var ev events.DynamoDBEvent
	if err := json.Unmarshal([]byte(lambdaEvent), &ev); err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1_800_000_000, 0).UTC()
	k, k2 := store.Key{PK: "u", SK: "1"}, store.Key{PK: "u", SK: "2"}
	expired := &store.Item{Key: k2, Type: "user", ExpiresAt: at, Body: json.RawMessage(`{}`)}
	want := []store.Change{{
		Position: "111", Key: k, Type: "user", At: at,
		Old: &store.Item{Key: k, Type: "user", Body: json.RawMessage(`{"n":9223372036854775806}`)},
		New: &store.Item{Key: k, Type: "user", GSI1: store.IndexKey{PK: "g", SK: "h"},
			ExpiresAt: time.Unix(1_800_000_600, 0).UTC(),
			Body:      json.RawMessage(`{"n":9223372036854775807,"o":{"l":[true,null,"x"]}}`)},
	}, {
		// The item had expired when the write replaced it: the write created it.
		Position: "112", Key: k2, Type: "user", At: at,
		New: &store.Item{Key: k2, Type: "user", Body: json.RawMessage(`{}`)},
	}, {
		// The removal of an expired item is delivered, as the SQLite engine's sweep does.
		Position: "113", Key: k2, Type: "user", At: at, Old: expired,
	}}
	for i, rec := range ev.Records {
		got, err := dynamo.ChangeFromEventRecord(rec)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[i], got); diff != "" {
			t.Errorf("change %d (-want +got):\n%s", i, diff)
		}
	}
}

// TestFeedError checks that a failed stream read is reported, not taken for the stream's end:
// the second GetRecords of a read, for the page after the first, fails.
func TestFeedError(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	failSecond := func(st *middleware.Stack) error {
		return st.Initialize.Add(middleware.InitializeMiddlewareFunc("fail",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler,
			) (middleware.InitializeOutput, middleware.Metadata, error) {
				_, isGet := in.Parameters.(*dynamodbstreams.GetRecordsInput)
				if isGet && calls.Add(1) == 2 {
					return middleware.InitializeOutput{}, middleware.Metadata{},
						errors.New("injected failure")
				}
				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	}
	s, err := dynamo.Open(context.Background(), localConfig(t, failSecond),
		store.Options{Streamed: []string{"user"}})
	if err != nil {
		t.Fatal(err)
	}
	k := store.Key{PK: "u", SK: "1"}
	if err := s.Write(context.Background(), store.Put(store.Item{Key: k, Type: "user"})); err != nil {
		t.Fatal(err)
	}
	if chs, err := s.ReadChanges(context.Background(), "", 10); err == nil {
		t.Errorf("read with a failed GetRecords: %d changes and no error", len(chs))
	}
}
