package teststore_test

import (
	"testing"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
)

func TestOpen(t *testing.T) {
	s := teststore.Open(t, store.Options{})
	k := store.Key{PK: "p", SK: "s"}
	err := s.Write(t.Context(), store.Put(store.Item{Key: k, Body: []byte(`{"a":1}`)}))
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	if _, err := s.Get(t.Context(), k); err != nil {
		t.Fatalf("get: %v", err)
	}
}
