package storetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/licensorhq/licensor/internal/store"
)

// key is shorthand for a store.Key.
func key(pk, sk string) store.Key { return store.Key{PK: pk, SK: sk} }

// body encodes fields as an item body.
func body(t *testing.T, fields map[string]any) json.RawMessage {
	t.Helper()
	if fields == nil {
		fields = map[string]any{}
	}
	b, err := json.Marshal(fields)
	if err != nil {
		t.Fatalf("encode body: %v", err)
	}
	return b
}

// item builds an item of type typ with the given body fields.
func item(t *testing.T, k store.Key, typ string, fields map[string]any) store.Item {
	t.Helper()
	return store.Item{Key: k, Type: typ, Body: body(t, fields)}
}

// decode reads a body into generic JSON values, numbers kept exact as json.Number.
func decode(t *testing.T, raw json.RawMessage) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("decode body %q: %v", raw, err)
	}
	return m
}

// checkBody fails unless raw holds the same JSON object as want. Bodies compare by value, not by
// bytes: an engine may store JSON in another form (DynamoDB keeps attributes, not text).
func checkBody(t *testing.T, raw json.RawMessage, want map[string]any) {
	t.Helper()
	if diff := cmp.Diff(decode(t, body(t, want)), decode(t, raw)); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
}

func mustWrite(t *testing.T, s store.Store, ops ...store.Op) {
	t.Helper()
	if err := s.Write(t.Context(), ops...); err != nil {
		t.Fatalf("write: %v", err)
	}
}

func mustGet(t *testing.T, s store.Store, k store.Key) store.Item {
	t.Helper()
	it, err := s.Get(t.Context(), k)
	if err != nil {
		t.Fatalf("get %v: %v", k, err)
	}
	return it
}

// checkAbsent fails unless Get reports k missing.
func checkAbsent(t *testing.T, s store.Store, k store.Key) {
	t.Helper()
	if it, err := s.Get(t.Context(), k); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("get %v = %+v, %v; want ErrNotFound", k, it, err)
	}
}

// checkConflict fails unless err is a *store.ConditionError for operation index at k.
func checkConflict(t *testing.T, err error, index int, k store.Key) {
	t.Helper()
	var ce *store.ConditionError
	if !errors.As(err, &ce) || !errors.Is(err, store.ErrConflict) {
		t.Fatalf("error %v; want a *store.ConditionError matching ErrConflict", err)
	}
	if ce.Index != index || ce.Key != k {
		t.Errorf("condition error at %d %v; want %d %v", ce.Index, ce.Key, index, k)
	}
}

// clock is a settable clock for Options.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// parallel runs n functions at once and reports the first error.
func parallel(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = f(i) })
	}
	wg.Wait()
	return errors.Join(errs...)
}
