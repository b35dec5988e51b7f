package mail_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/mail/smtp"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
)

type source interface {
	store.Store
	store.ChangeReader
}

func openStore(t *testing.T) source {
	t.Helper()
	return teststore.Open(t, store.Options{Streamed: []string{mail.ItemType}})
}

func smtpSender(t *testing.T, addr string) *smtp.Sender {
	t.Helper()
	s, err := smtp.FromURL("smtp://"+addr, "Licensor <portal@example.com>")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// startFeed runs a dispatcher that feeds the outbox until the test ends.
func startFeed(t *testing.T, st source, ob *mail.Outbox) *feed.Dispatcher {
	t.Helper()
	d, err := feed.New(st, st, []feed.Consumer{ob}, feed.Options{
		PollInterval: 50 * time.Millisecond,
		Backoff:      feed.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = d.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	// Wait until Run has started, so that Drain finds it running: a drain with a context that
	// is already done answers at once, ErrNotRunning only before Run starts.
	ended, stop := context.WithCancel(context.Background())
	stop()
	for errors.Is(d.Drain(ended), feed.ErrNotRunning) {
		time.Sleep(5 * time.Millisecond)
	}
	return d
}

func drain(t *testing.T, d *feed.Dispatcher) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := d.Drain(ctx); err != nil {
		t.Fatalf("drain: %v", err)
	}
}

var welcome = mail.Message{To: []string{"Ada <ada@example.com>"}, Subject: "Welcome",
	Text: "Hello Ada\n", HTML: "<p>Hello Ada</p>", Kind: "test"}

// enqueue queues m in a write with an item of the domain, as a caller would.
func enqueue(t *testing.T, st store.Store, ob *mail.Outbox, m mail.Message) store.Key {
	t.Helper()
	op, err := ob.Enqueue(m)
	if err != nil {
		t.Fatal(err)
	}
	user := store.Put(store.Item{Key: store.Key{PK: "user#" + op.Target().PK, SK: "user"},
		Type: "user", Body: json.RawMessage(`{}`)})
	if err := st.Write(context.Background(), user, op); err != nil {
		t.Fatal(err)
	}
	return op.Target()
}

// state is the stored state of a queued mail.
type state struct {
	Status   string `json:"status"`
	Attempts int    `json:"attempts"`
}

func stateOf(t *testing.T, st store.Store, k store.Key) state {
	t.Helper()
	it, err := st.Get(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	var s state
	if err := it.Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func depth(t *testing.T, ob *mail.Outbox) int {
	t.Helper()
	n, err := ob.Depth(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}
