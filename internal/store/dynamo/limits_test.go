package dynamo_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

// TestRefusals checks that what DynamoDB refuses beyond store.Validate comes back as the
// contract's errors: limits as ErrTooLarge, values it cannot hold as ErrInvalid.
func TestRefusals(t *testing.T) {
	t.Parallel()
	s := openLocal(t, store.Options{})
	k := store.Key{PK: "p", SK: "s"}
	put := func(it store.Item) []store.Op { return []store.Op{store.Put(it)} }
	withBody := func(body string) []store.Op {
		return put(store.Item{Key: k, Body: json.RawMessage(body)})
	}
	seed := withBody(`{"text":"x","list":[1],"flag":true,"none":null,"obj":{"a":1}}`)
	if err := s.Write(context.Background(), seed...); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ops  []store.Op
		want error
	}{
		// store.ItemSize counts attribute names as DynamoDB does (the conformance suite's
		// DynamoLimits has an item of exactly MaxItemSize accepted); one byte more is refused.
		{"item over MaxItemSize", put(sized("max", store.MaxItemSize+1)), store.ErrTooLarge},
		{"transaction over 4 MB", puts300KB(14), store.ErrTooLarge},
		{"partition key over 2048 bytes", put(store.Item{
			Key: store.Key{PK: strings.Repeat("p", 2049), SK: "s"}}), store.ErrTooLarge},
		{"sort key over 1024 bytes", put(store.Item{
			Key: store.Key{PK: "p", SK: strings.Repeat("s", 1025)}}), store.ErrTooLarge},
		{"index key over 1024 bytes", put(store.Item{
			Key: k, GSI1: store.IndexKey{PK: "g", SK: strings.Repeat("s", 1025)}}), store.ErrTooLarge},
		{"number over 38 digits", withBody(`{"n":123456789012345678901234567890123456789}`),
			store.ErrInvalid},
		{"number beyond 1e125", withBody(`{"n":1e200}`), store.ErrInvalid},
		{"add to a string", []store.Op{store.Update(k, nil, map[string]int64{"text": 1})},
			store.ErrInvalid},
		{"add to a string in a transaction", append(puts300KB(1),
			store.Update(k, nil, map[string]int64{"text": 1})), store.ErrInvalid},
		// ADD adds elements to a set as well, but no body field is ever one: JSON has none.
		{"add to a list", []store.Op{store.Update(k, nil, map[string]int64{"list": 1})},
			store.ErrInvalid},
		{"add to a boolean", []store.Op{store.Update(k, nil, map[string]int64{"flag": 1})},
			store.ErrInvalid},
		{"add to null", []store.Op{store.Update(k, nil, map[string]int64{"none": 1})},
			store.ErrInvalid},
		{"add to an object", []store.Op{store.Update(k, nil, map[string]int64{"obj": 1})},
			store.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.Write(context.Background(), tc.ops...); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
	if err := s.Write(context.Background(), puts300KB(13)...); err != nil {
		t.Errorf("13 items of 300 KB, under 4 MB: %v", err)
	}
}

// sized returns an item of size bytes as store.ItemSize counts them.
func sized(sk string, size int) store.Item {
	it := store.Item{Key: store.Key{PK: "big", SK: sk}, Type: "t"}
	pad := size - store.ItemSize(it) - len(`{"s":""}`)
	it.Body = json.RawMessage(`{"s":"` + strings.Repeat("x", pad) + `"}`)
	return it
}

func puts300KB(n int) []store.Op {
	ops := make([]store.Op, n)
	for i := range ops {
		ops[i] = store.Put(sized(fmt.Sprint(i), 300*1024))
	}
	return ops
}
