package mail

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
)

// TestLeaseOutlivesACrash claims a mail as a sender would, then "crashes" (sends nothing, records
// nothing): sweeps leave the mail alone until the lease ends, then send it, once.
func TestLeaseOutlivesACrash(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := teststore.Open(t, store.Options{Streamed: []string{ItemType}})
	now := time.Now()
	var log strings.Builder
	ob := NewOutbox(st, LogSender{Logger: slog.New(slog.NewTextHandler(&log, nil))},
		Options{Now: func() time.Time { return now }})
	op, err := ob.Enqueue(Message{To: []string{"a@example.com"}, Subject: "s", Text: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write(ctx, op); err != nil {
		t.Fatal(err)
	}
	it, rec, err := ob.load(ctx, op.Target())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ob.claim(ctx, it, rec, now); err != nil {
		t.Fatal(err)
	}
	now = now.Add(ob.opts.Lease - time.Second)
	if n, err := ob.Sweep(ctx); n != 0 || err != nil {
		t.Fatalf("sweep within the lease: %d, %v", n, err)
	}
	now = now.Add(time.Second)
	if n, err := ob.Sweep(ctx); n != 1 || err != nil {
		t.Fatalf("sweep after the lease: %d, %v", n, err)
	}
	if _, rec, _ = ob.load(ctx, op.Target()); rec.Status != StatusSent || rec.Attempts != 2 {
		t.Errorf("after the sweep: %s, %d attempts", rec.Status, rec.Attempts)
	}
	if n := strings.Count(log.String(), "mail not sent"); n != 1 {
		t.Errorf("logged %d times:\n%s", n, log.String())
	}
}

func TestHandleIgnoresOtherChanges(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := teststore.Open(t, store.Options{Streamed: []string{ItemType}})
	var log strings.Builder
	ob := NewOutbox(st, LogSender{Logger: slog.New(slog.NewTextHandler(&log, nil))}, Options{})
	op, _ := ob.Enqueue(Message{To: []string{"a@example.com"}, Subject: "s", Text: "t"})
	if err := st.Write(ctx, op); err != nil {
		t.Fatal(err)
	}
	it := op.Item
	for name, c := range map[string]store.Change{
		"other_type": {Key: it.Key, Type: "user", New: &it},
		"update":     {Key: it.Key, Type: ItemType, Old: &it, New: &it},
		"delete":     {Key: it.Key, Type: ItemType, Old: &it},
	} {
		if err := ob.Handle(ctx, c); err != nil || log.Len() != 0 {
			t.Errorf("%s: %v, log %q", name, err, log.String())
		}
	}
	missing := store.Item{Key: key("mail_gone"), Type: ItemType, Body: json.RawMessage(`{}`)}
	if err := ob.Handle(ctx, store.Change{Key: missing.Key, Type: ItemType, New: &missing}); err != nil {
		t.Errorf("mail removed since: %v", err)
	}
}

func TestLogSenderShowsLinks(t *testing.T) {
	t.Parallel()
	var log strings.Builder
	s := LogSender{Logger: slog.New(slog.NewTextHandler(&log, nil)), From: "p@example.com"}
	err := s.Send(context.Background(), Message{To: []string{"a@example.com"}, Subject: "Reset",
		Text: "Open https://p.example/reset-password#token=abc to reset.\n"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"to=[a@example.com]", "subject=Reset",
		`links="[https://p.example/reset-password#token=abc]"`} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q: %s", want, log.String())
		}
	}
}
