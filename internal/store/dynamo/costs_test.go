package dynamo_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
)

// costCase is one contract operation whose DynamoDB cost is measured.
type costCase struct {
	name string
	// want is what the operation must cost: requests | read units | write units | of which
	// indexes, as DynamoDB Local reports them.
	want  string
	setup []store.Op // written before, unmeasured
	run   func(context.Context, *dynamo.Store) error
}

// TestCosts measures the requests and capacity units each contract operation costs, as DynamoDB
// Local reports them through ReturnConsumedCapacity, and prints the table that
// docs/performance.md shows (go test -run TestCosts -v). It fails when an operation takes
// another number of requests, or other units, than the engine is meant to spend.
func TestCosts(t *testing.T) {
	m := &meter{}
	cfg := localConfig(t, func(st *middleware.Stack) error { return m.install(st) })
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	s, err := dynamo.Open(context.Background(), cfg,
		store.Options{Now: clk.Now, Streamed: []string{"cost"}})
	if err != nil {
		t.Fatal(err)
	}
	rows := []string{"| operation | requests | read units | write units | of which indexes |",
		"| --- | ---: | ---: | ---: | ---: |"}
	for i, tc := range costCases(clk) {
		ctx := context.Background()
		if len(tc.setup) > 0 {
			if err := s.Write(ctx, tc.setup...); err != nil {
				t.Fatalf("%s: setup: %v", tc.name, err)
			}
		}
		m.reset()
		err := tc.run(ctx, s)
		n, read, write, index := m.reset()
		if err != nil && !errors.Is(err, store.ErrConflict) && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: %v", tc.name, err)
		}
		row := fmt.Sprintf("%d | %s | %s | %s", n, units(read), units(write), units(index))
		if row != tc.want {
			t.Errorf("%d %s: costs %q, want %q", i, tc.name, row, tc.want)
		}
		rows = append(rows, fmt.Sprintf("| %s | %s |", tc.name, row))
	}
	rows = append(rows, feedCosts(t, s, m)...)
	t.Log("consumed capacity on DynamoDB Local:\n" + strings.Join(rows, "\n"))
}

// feedCosts counts the requests of reading the stream (which consume no capacity units).
func feedCosts(t *testing.T, s *dynamo.Store, m *meter) []string {
	ctx := context.Background()
	all := readAll(t, s, "", 1000)
	pos := all[len(all)-1].Position
	if err := s.Write(ctx, puts("feed", 10, kb, false)...); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, name := range []string{"10 new changes", "nothing new"} {
		m.reset()
		chs, err := s.ReadChanges(ctx, pos, 100)
		if err != nil {
			t.Fatal(err)
		}
		n, _, _, _ := m.reset()
		rows = append(rows, fmt.Sprintf("| read changes, one shard, %s | %d | - | - | - |", name, n))
		if len(chs) > 0 {
			pos = chs[len(chs)-1].Position
		}
	}
	return rows
}

func units(u float64) string {
	if u == 0 {
		return "-"
	}
	return fmt.Sprint(u)
}

// item is an item of about size bytes as DynamoDB counts them (names and values), under it.
func item(pk, sk string, size int, indexed bool) store.Item {
	it := store.Item{Key: store.Key{PK: pk, SK: sk}, Type: "cost"}
	if indexed {
		it.GSI1 = store.IndexKey{PK: "g1" + pk, SK: sk}
		it.GSI2 = store.IndexKey{PK: "g2" + pk, SK: sk}
	}
	pad := max(size-100, 0)
	it.Body = json.RawMessage(`{"n":1,"s":"` + strings.Repeat("x", pad) + `"}`)
	return it
}

func puts(pk string, n, size int, indexed bool) []store.Op {
	ops := make([]store.Op, n)
	for i := range ops {
		ops[i] = store.Put(item(pk, fmt.Sprintf("%03d", i), size, indexed))
	}
	return ops
}

func write(ops ...store.Op) func(context.Context, *dynamo.Store) error {
	return func(ctx context.Context, s *dynamo.Store) error { return s.Write(ctx, ops...) }
}
