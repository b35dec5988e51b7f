package feed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/licensorhq/licensor/internal/store"
)

// seen is what a test compares of a change: key, type, and the n of the old and new bodies.
type seen struct {
	PK, SK, Type string
	Old, New     int
}

func summarize(t *testing.T, changes []store.Change) []seen {
	t.Helper()
	out := make([]seen, len(changes))
	for i, c := range changes {
		out[i] = seen{c.Key.PK, c.Key.SK, c.Type, bodyN(t, c.Old), bodyN(t, c.New)}
	}
	return out
}

func TestDeliversInOrderWithBodies(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	write(t, st, put("a", "1", 1))
	write(t, st, store.Update(store.Key{PK: "a", SK: "1"}, map[string]any{"n": 2}, nil))
	write(t, st, put("b", "1", 10), put("a", "2", 20))
	write(t, st, store.Put(store.Item{Key: store.Key{PK: "a", SK: "3"}, Type: "other",
		Body: json.RawMessage(`{"n":99}`)}))
	write(t, st, store.Delete(store.Key{PK: "a", SK: "1"}))
	rec := &recorder{name: "rec"}
	d, err := New(st, st, []Consumer{rec}, fast(nil))
	if err != nil {
		t.Fatal(err)
	}
	run(t, d)
	waitFor(t, "5 changes", func() bool { return len(rec.changes()) >= 5 })
	want := []seen{
		{"a", "1", thing, -1, 1},
		{"a", "1", thing, 1, 2},
		{"b", "1", thing, -1, 10},
		{"a", "2", thing, -1, 20},
		{"a", "1", thing, 2, -1},
	}
	got := summarize(t, rec.changes())
	if !sameOrderPerPartition(want, got) {
		t.Errorf("changes, in order per partition:\nwant %v\ngot  %v", want, got)
	}
}

// sameOrderPerPartition holds when got has the changes of want, each partition's in want's order.
func sameOrderPerPartition(want, got []seen) bool {
	byPK := func(s []seen) map[string][]seen {
		m := map[string][]seen{}
		for _, c := range s {
			m[c.PK] = append(m[c.PK], c)
		}
		return m
	}
	return len(want) == len(got) && cmp.Equal(byPK(want), byPK(got))
}

func TestNewRefusesBadNames(t *testing.T) {
	t.Parallel()
	for name, cs := range map[string][]Consumer{
		"empty":     {&recorder{}},
		"duplicate": {&recorder{name: "x"}, &recorder{name: "x"}},
	} {
		if _, err := New(nil, nil, cs, Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestBackoffDelay(t *testing.T) {
	t.Parallel()
	b := Backoff{Initial: time.Second, Max: 5 * time.Second}
	for attempt, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second,
		3: 4 * time.Second, 4: 5 * time.Second, 60: 5 * time.Second} {
		if got := b.Delay(attempt); got != want {
			t.Errorf("Delay(%d) = %s, want %s", attempt, got, want)
		}
	}
}

func TestResumesFromSavedPosition(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	for i := range 5 {
		write(t, st, put("p", fmt.Sprint(i), i))
	}
	rec := &recorder{name: "rec"}
	d, _ := New(st, st, []Consumer{rec}, fast(nil))
	stop := run(t, d)
	waitFor(t, "5 changes and a saved position", func() bool {
		return len(rec.changes()) == 5 && d.Stats()[0].Position == rec.changes()[4].Position
	})
	stop()
	for i := 5; i < 8; i++ {
		write(t, st, put("p", fmt.Sprint(i), i))
	}
	again := &recorder{name: "rec"}
	d2, _ := New(st, st, []Consumer{again}, fast(nil))
	run(t, d2)
	drain(t, d2)
	if got := summarize(t, again.changes()); len(got) != 3 || got[0].New != 5 {
		t.Errorf("after the restart: %v, want the 3 new changes", got)
	}
	it, err := st.Get(context.Background(), PositionKey("rec"))
	if err != nil || it.Type != PositionType {
		t.Errorf("saved position %+v: %v", it, err)
	}
}

func drain(t *testing.T, d *Dispatcher) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := d.Drain(ctx); err != nil {
		t.Fatalf("Drain: %v", err)
	}
}

// TestRedeliversAfterCrash saves a position by hand, as a consumer that crashed mid-batch would
// have left it, and checks delivery resumes right after it.
func TestRedeliversAfterCrash(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	for i := range 6 {
		write(t, st, put("p", fmt.Sprint(i), i))
	}
	all, err := st.ReadChanges(context.Background(), "", 100)
	if err != nil || len(all) != 6 {
		t.Fatalf("ReadChanges: %d changes, %v", len(all), err)
	}
	body, _ := json.Marshal(positionBody{Position: all[2].Position})
	write(t, st, store.Put(store.Item{Key: PositionKey("rec"), Type: PositionType, Body: body}))
	rec := &recorder{name: "rec"}
	d, _ := New(st, st, []Consumer{rec}, fast(nil))
	run(t, d)
	drain(t, d)
	if got := summarize(t, rec.changes()); len(got) != 3 || got[0].New != 3 || got[2].New != 5 {
		t.Errorf("got %v, want the changes after the third", got)
	}
}

func TestDrainRequiresRun(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	d, _ := New(st, st, []Consumer{&recorder{name: "rec"}}, fast(nil))
	if err := d.Drain(context.Background()); !errors.Is(err, ErrNotRunning) {
		t.Errorf("Drain before Run: %v, want ErrNotRunning", err)
	}
}
