package dynamo_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/licensorhq/licensor/internal/store"
)

func TestSmoke(t *testing.T) {
	ctx := context.Background()
	s := openLocal(t, store.Options{Streamed: []string{"user"}})
	k := store.Key{PK: "a", SK: "1"}
	it := store.Item{Key: k, Type: "user", Body: json.RawMessage(`{"n":9223372036854775807,"s":"x<y"}`)}
	if err := s.Write(ctx, store.Put(it).When(store.IfNotExists())); err != nil {
		t.Fatal(err)
	}
	err := s.Write(ctx, store.Put(it).When(store.IfNotExists()))
	var ce *store.ConditionError
	if !errors.As(err, &ce) {
		t.Fatalf("second put: %v", err)
	}
	got, err := s.Get(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v %s", got, got.Body)
	if err := s.Write(ctx, store.Update(k, nil, map[string]int64{"c": 2}),
		store.Put(store.Item{Key: store.Key{PK: "a", SK: "2"}})); err != nil {
		t.Fatal(err)
	}
	p, err := s.Query(ctx, store.Query{PK: "a", Limit: 1})
	t.Logf("%+v %v", p, err)
	chs, err := s.ReadChanges(ctx, "", 10)
	for _, c := range chs {
		t.Logf("change %s %v %v", c.Key, c.Old != nil, c.New != nil)
	}
	t.Log(err)
}
