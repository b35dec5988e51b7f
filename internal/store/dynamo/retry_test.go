package dynamo_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
)

// retryCase is a request that meets faults and must still succeed, applied once.
type retryCase struct {
	name   string
	op     string  // the DynamoDB operation that meets the faults
	faults []fault // met by its first attempts, in order
	run    func(context.Context, *dynamo.Store) error
	check  func(*testing.T, *dynamo.Store)
	tries  int // attempts of op, those that met a fault included
}

// TestRetries injects faults into the requests the engine sends to DynamoDB Local, through the
// SDK's middleware stack (faults), and holds the engine to what DynamoDB's answers mean:
// throttling is retried by the SDK, transaction conflicts by the engine, and a write whose
// response was lost after DynamoDB applied it is resent without applying it twice or reporting
// a failed condition that was its own. The cases share a table and run one after another.
func TestRetries(t *testing.T) {
	t.Parallel()
	f := newFaults()
	ctx := context.Background()
	s, err := dynamo.Open(ctx, localConfig(t, f.install), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seed := []store.Op{
		store.Put(store.Item{Key: store.Key{PK: "r", SK: "a"}, Body: []byte(`{"n":1,"v":1}`)}),
		store.Put(store.Item{Key: store.Key{PK: "r", SK: "b"}, Body: []byte(`{"n":1,"v":1}`)}),
	}
	if err := s.Write(ctx, seed...); err != nil {
		t.Fatal(err)
	}
	for _, tc := range retryCases() {
		f.attempts(tc.op)
		f.plan(tc.op, tc.faults...)
		if err := tc.run(ctx, s); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if n := f.attempts(tc.op); n != tc.tries {
			t.Errorf("%s: %d attempts of %s, want %d", tc.name, n, tc.op, tc.tries)
		}
		if n := f.left(); n != 0 {
			t.Fatalf("%s: %d faults left unmet", tc.name, n)
		}
		tc.check(t, s)
	}
}

func retryCases() []retryCase {
	return append(throttleCases(), append(conflictCases(), lostCases()...)...)
}

func throttleCases() []retryCase {
	load := []fault{throttling(), overProvisioned()}
	return []retryCase{
		{"throttled get", "GetItem", load, func(ctx context.Context, s *dynamo.Store) error {
			_, err := s.Get(ctx, store.Key{PK: "r", SK: "a"})
			return err
		}, noCheck, 3},
		{"throttled query", "Query", load, func(ctx context.Context, s *dynamo.Store) error {
			p, err := s.Query(ctx, store.Query{PK: "r"})
			if err == nil && len(p.Items) != 2 {
				err = errors.New("query did not return both items")
			}
			return err
		}, noCheck, 3},
		{"throttled put", "PutItem", load,
			write(store.Put(store.Item{Key: store.Key{PK: "r", SK: "c"}, Body: []byte(`{}`)})),
			exists("r", "c"), 3},
		{"throttled add", "TransactWriteItems", load,
			write(store.Update(store.Key{PK: "r", SK: "a"}, nil, map[string]int64{"n": 1})),
			field("a", "n", 2), 3},
	}
}

func conflictCases() []retryCase {
	return []retryCase{
		{"conflicting transaction", "TransactWriteItems", []fault{txConflict(2), txConflict(2)},
			write(store.Update(store.Key{PK: "r", SK: "a"}, nil, map[string]int64{"n": 1}),
				store.Update(store.Key{PK: "r", SK: "b"}, nil, map[string]int64{"n": 1})),
			both(field("a", "n", 3), field("b", "n", 2)), 3},
		{"conflicting add", "TransactWriteItems", []fault{txConflict(1)},
			write(store.Update(store.Key{PK: "r", SK: "b"}, nil, map[string]int64{"n": 1})),
			field("b", "n", 3), 2},
		{"conflicting put", "PutItem", []fault{plainConflict()},
			write(store.Put(store.Item{Key: store.Key{PK: "r", SK: "d"}, Body: []byte(`{}`)})),
			exists("r", "d"), 2},
	}
}

func lostCases() []retryCase {
	lost := []fault{errLostResponse}
	return []retryCase{
		{"lost answer to an add", "TransactWriteItems", lost,
			write(store.Update(store.Key{PK: "r", SK: "a"}, nil, map[string]int64{"n": 1})),
			field("a", "n", 4), 2},
		{"lost answer to a put if not exists", "TransactWriteItems", lost,
			write(store.Put(store.Item{Key: store.Key{PK: "r", SK: "e"}, Body: []byte(`{}`)}).
				When(store.IfNotExists())), exists("r", "e"), 2},
		{"lost answer to an update if v = 1", "TransactWriteItems", lost,
			write(store.Update(store.Key{PK: "r", SK: "a"}, map[string]any{"v": 2}, nil).
				When(store.IfField("v", store.Eq, 1))), field("a", "v", 2), 2},
		{"lost answer to a transaction", "TransactWriteItems", lost,
			write(store.Update(store.Key{PK: "r", SK: "a"}, nil, map[string]int64{"n": 1}),
				store.Delete(store.Key{PK: "r", SK: "e"}).When(store.IfExists())),
			both(field("a", "n", 5), missing("r", "e")), 2},
		{"lost answer to a plain put", "PutItem", lost,
			write(store.Put(store.Item{Key: store.Key{PK: "r", SK: "f"}, Body: []byte(`{}`)})),
			exists("r", "f"), 2},
	}
}

// The checks below read the table after a case, without faults planned for it.

func noCheck(*testing.T, *dynamo.Store) {}

func exists(pk, sk string) func(*testing.T, *dynamo.Store) {
	return func(t *testing.T, s *dynamo.Store) {
		t.Helper()
		if _, err := s.Get(context.Background(), store.Key{PK: pk, SK: sk}); err != nil {
			t.Errorf("get %s/%s: %v", pk, sk, err)
		}
	}
}

func missing(pk, sk string) func(*testing.T, *dynamo.Store) {
	return func(t *testing.T, s *dynamo.Store) {
		t.Helper()
		_, err := s.Get(context.Background(), store.Key{PK: pk, SK: sk})
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("get %s/%s: %v, want ErrNotFound", pk, sk, err)
		}
	}
}

// field checks the number in field f of item r/sk.
func field(sk, f string, want int64) func(*testing.T, *dynamo.Store) {
	return func(t *testing.T, s *dynamo.Store) {
		t.Helper()
		it, err := s.Get(context.Background(), store.Key{PK: "r", SK: sk})
		if err != nil {
			t.Fatalf("get r/%s: %v", sk, err)
		}
		var body map[string]int64
		if err := json.Unmarshal(it.Body, &body); err != nil || body[f] != want {
			t.Errorf("r/%s: %s = %d (%v), want %d", sk, f, body[f], err, want)
		}
	}
}

func both(a, b func(*testing.T, *dynamo.Store)) func(*testing.T, *dynamo.Store) {
	return func(t *testing.T, s *dynamo.Store) {
		t.Helper()
		a(t, s)
		b(t, s)
	}
}
