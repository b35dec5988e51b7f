package feed

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// TestDeliverSlice is the path of the DynamoDB Streams Lambda: a batch handed in, no position.
func TestDeliverSlice(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	for i := range 4 {
		write(t, st, put("p", fmt.Sprint(i), i))
	}
	batch, err := st.ReadChanges(context.Background(), "", 10)
	if err != nil {
		t.Fatal(err)
	}
	good := &recorder{name: "good"}
	bad := &recorder{name: "bad", fail: func(store.Change) error { return errors.New("down") }}
	d, _ := New(st, nil, []Consumer{good, bad}, fast(nil))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err = d.Deliver(ctx, batch)
	if err == nil || !strings.Contains(err.Error(), "consumer bad") {
		t.Errorf("Deliver: %v, want an error naming the failing consumer", err)
	}
	if got := summarize(t, good.changes()); len(got) != 4 || got[3].New != 3 {
		t.Errorf("good consumer got %v", got)
	}
	if _, err := st.Get(context.Background(), PositionKey("good")); !errors.Is(err,
		store.ErrNotFound) {
		t.Errorf("Deliver saved a position: %v", err)
	}
	if err := d.Run(context.Background()); err == nil {
		t.Error("Run without a change reader: no error")
	}
}
