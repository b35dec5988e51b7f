package readcache_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/readcache"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/testenv"
)

// hot is the kind of key the tests cache; others go straight to the store.
func hot(k store.Key) bool { return strings.HasPrefix(k.PK, "hot#") }

func item(pk string, n int) store.Item {
	return store.Item{Key: store.Key{PK: pk, SK: "x"}, Type: "thing",
		Body: json.RawMessage(fmt.Sprintf(`{"n":%d}`, n))}
}

// number reads the field n of the item at pk through s; -1 when there is none.
func number(t *testing.T, s store.Store, pk string) int {
	t.Helper()
	it, err := s.Get(t.Context(), store.Key{PK: pk, SK: "x"})
	if errors.Is(err, store.ErrNotFound) {
		return -1
	}
	if err != nil {
		t.Fatalf("get %s: %v", pk, err)
	}
	var b struct{ N int }
	if err := it.Decode(&b); err != nil {
		t.Fatal(err)
	}
	return b.N
}

func write(t *testing.T, s store.Store, ops ...store.Op) {
	t.Helper()
	if err := s.Write(t.Context(), ops...); err != nil {
		t.Fatalf("write: %v", err)
	}
}

// TestCachesOnlyItsKeys: a cached item is answered from memory, so a write that bypasses the
// cache goes unseen there (which is why only a store's one writer may use a cache); other keys
// always come from the store.
func TestCachesOnlyItsKeys(t *testing.T) {
	t.Parallel()
	engine := teststore.Open(t, store.Options{})
	c := readcache.New(engine, hot, 100, nil)
	write(t, c, store.Put(item("hot#a", 1)), store.Put(item("cold#a", 1)))
	if number(t, c, "hot#a") != 1 || number(t, c, "cold#a") != 1 {
		t.Fatal("the first reads differ from what was written")
	}
	write(t, engine, store.Put(item("hot#a", 2)), store.Put(item("cold#a", 2)))
	if got := number(t, c, "hot#a"); got != 1 {
		t.Errorf("cached item = %d, want 1 from memory", got)
	}
	if got := number(t, c, "cold#a"); got != 2 {
		t.Errorf("uncached item = %d, want 2 from the store", got)
	}
}

// TestWritesEvict: each kind of write through the cache is seen by the next read.
func TestWritesEvict(t *testing.T) {
	t.Parallel()
	c := readcache.New(teststore.Open(t, store.Options{}), hot, 100, nil)
	k := store.Key{PK: "hot#w", SK: "x"}
	steps := []struct {
		name string
		op   store.Op
		want int
	}{
		{"put", store.Put(item("hot#w", 1)), 1},
		{"update_set", store.Update(k, map[string]any{"n": 5}, nil), 5},
		{"update_add", store.Update(k, nil, map[string]int64{"n": 2}), 7},
		{"delete", store.Delete(k), -1},
		{"put_again", store.Put(item("hot#w", 9)), 9},
	}
	for _, st := range steps {
		number(t, c, "hot#w") // fill the cache with the state before the step
		write(t, c, st.op)
		if got := number(t, c, "hot#w"); got != st.want {
			t.Errorf("after %s: n = %d, want %d", st.name, got, st.want)
		}
	}
}

// TestFailedWriteEvicts: a write refused by its condition evicts too, and what the store holds
// is answered.
func TestFailedWriteEvicts(t *testing.T) {
	t.Parallel()
	engine := teststore.Open(t, store.Options{})
	c := readcache.New(engine, hot, 100, nil)
	write(t, c, store.Put(item("hot#f", 1)))
	number(t, c, "hot#f")
	write(t, engine, store.Put(item("hot#f", 2)))
	err := c.Write(t.Context(), store.Put(item("hot#f", 3)).When(store.IfNotExists()))
	if !errors.Is(err, store.ErrConflict) {
		t.Fatalf("conditional put = %v, want a conflict", err)
	}
	if got := number(t, c, "hot#f"); got != 2 {
		t.Errorf("after a refused write: n = %d, want 2, the store's", got)
	}
}

// TestMissesAreNotKept: a key read before it exists is found once it is written, even by a
// write that bypasses the cache.
func TestMissesAreNotKept(t *testing.T) {
	t.Parallel()
	engine := teststore.Open(t, store.Options{})
	c := readcache.New(engine, hot, 100, nil)
	if got := number(t, c, "hot#m"); got != -1 {
		t.Fatalf("missing item = %d", got)
	}
	write(t, engine, store.Put(item("hot#m", 4)))
	if got := number(t, c, "hot#m"); got != 4 {
		t.Errorf("after the write: n = %d, want 4", got)
	}
}

// TestExpiredItemsAreGone: a cached item stops being answered when it expires.
func TestExpiredItemsAreGone(t *testing.T) {
	t.Parallel()
	clk := testenv.NewClock()
	c := readcache.New(teststore.Open(t, store.Options{Now: clk.Now}), hot, 100, clk.Now)
	it := item("hot#e", 1)
	it.ExpiresAt = clk.Now().Add(time.Hour).Truncate(time.Second)
	write(t, c, store.Put(it))
	if got := number(t, c, "hot#e"); got != 1 {
		t.Fatalf("n = %d before expiry", got)
	}
	clk.Advance(2 * time.Hour)
	if got := number(t, c, "hot#e"); got != -1 {
		t.Errorf("expired item answered: n = %d", got)
	}
}

// TestFullCacheStaysCorrect: beyond its size the cache starts again and answers as the store.
func TestFullCacheStaysCorrect(t *testing.T) {
	t.Parallel()
	c := readcache.New(teststore.Open(t, store.Options{}), hot, 2, nil)
	for i := range 5 {
		write(t, c, store.Put(item(fmt.Sprintf("hot#%d", i), i)))
	}
	for round := range 2 {
		for i := range 5 {
			if got := number(t, c, fmt.Sprintf("hot#%d", i)); got != i {
				t.Errorf("round %d: item %d = %d", round, i, got)
			}
		}
	}
}

// TestReadAfterWriteUnderRaces: while readers fill the cache as fast as they can, every read
// that starts after a write returned sees that write or a later one.
func TestReadAfterWriteUnderRaces(t *testing.T) {
	t.Parallel()
	c := readcache.New(teststore.Open(t, store.Options{}), hot, 100, nil)
	write(t, c, store.Put(item("hot#r", 0)))
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for last := 0; ; {
				select {
				case <-done:
					return
				default:
				}
				n := number(t, c, "hot#r")
				if n < last {
					t.Errorf("a reader went back from %d to %d", last, n)
					return
				}
				last = n
			}
		})
	}
	for v := 1; v <= 200; v++ {
		write(t, c, store.Put(item("hot#r", v)))
		if got := number(t, c, "hot#r"); got != v {
			t.Errorf("read after writing %d = %d", v, got)
			break
		}
	}
	close(done)
	wg.Wait()
}

// pausedStore holds its first Get after it has read the store, until released: it lets a test
// put a write between a read of the store and the cache's use of what was read.
type pausedStore struct {
	store.Store
	once          sync.Once
	read, release chan struct{}
}

func (p *pausedStore) Get(ctx context.Context, k store.Key) (store.Item, error) {
	it, err := p.Store.Get(ctx, k)
	p.once.Do(func() {
		close(p.read)
		<-p.release
	})
	return it, err
}

// TestReadOvertakenByWriteIsNotKept: a Get that read the store before a write, and returns
// after that write, leaves nothing in the cache: the next read sees the write.
func TestReadOvertakenByWriteIsNotKept(t *testing.T) {
	t.Parallel()
	engine := teststore.Open(t, store.Options{})
	write(t, engine, store.Put(item("hot#o", 1)))
	paused := &pausedStore{Store: engine, read: make(chan struct{}), release: make(chan struct{})}
	c := readcache.New(paused, hot, 100, nil)
	late := make(chan int)
	go func() { late <- number(t, c, "hot#o") }()
	<-paused.read // the Get has read 1 from the store, and waits
	write(t, c, store.Put(item("hot#o", 2)))
	close(paused.release)
	if got := <-late; got != 1 {
		t.Fatalf("the overtaken read = %d, want 1", got)
	}
	if got := number(t, c, "hot#o"); got != 2 {
		t.Errorf("read after the write = %d, want 2: the overtaken read was kept", got)
	}
}
