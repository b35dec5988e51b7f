package mail_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/testenv"
)

var _ feed.Consumer = (*mail.Outbox)(nil)

func TestOutboxDelivers(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{})
	st := openStore(t)
	ob := mail.NewOutbox(st, smtpSender(t, mp.SMTPAddr), mail.Options{})
	d := startFeed(t, st, ob)
	m, err := mail.Render(mail.KindNotice, mail.Notice{Subject: "Your password was changed",
		Paragraphs: []string{"Someone changed it; was it you?"}})
	if err != nil {
		t.Fatal(err)
	}
	m.To = []string{"Ada <ada@example.com>", "billing@example.com"}
	k := enqueue(t, st, ob, m)
	drain(t, d)
	list := mp.WaitMessages(t, 1, 10*time.Second)
	got := mp.Message(t, list[0].ID)
	if got.Subject != m.Subject || len(got.To) != 2 || got.To[1].Address != "billing@example.com" ||
		!strings.Contains(got.Text, "was it you?") || !strings.Contains(got.HTML, "was it you?") {
		t.Errorf("received %+v", got)
	}
	if s := stateOf(t, st, k); s != (state{mail.StatusSent, 1}) || depth(t, ob) != 0 {
		t.Errorf("state %+v, depth %d", s, depth(t, ob))
	}
	if it, _ := st.Get(context.Background(), k); strings.Contains(string(it.Body), "was it you") {
		t.Errorf("a sent mail keeps its body: %s", it.Body)
	}
}

func TestOutboxEnqueueIsAtomic(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	ob := mail.NewOutbox(st, mail.LogSender{}, mail.Options{})
	op, err := ob.Enqueue(welcome)
	if err != nil {
		t.Fatal(err)
	}
	missing := store.Check(store.Key{PK: "user#1", SK: "user"}, store.IfExists())
	if err := st.Write(context.Background(), missing, op); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("write: %v, want a conflict", err)
	}
	if _, err := st.Get(context.Background(), op.Target()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("mail of a failed write: %v", err)
	}
	if n := depth(t, ob); n != 0 {
		t.Errorf("depth %d", n)
	}
}

func TestOutboxRefusesBadMessages(t *testing.T) {
	t.Parallel()
	ob := mail.NewOutbox(nil, mail.LogSender{}, mail.Options{})
	for name, m := range map[string]mail.Message{
		"no_to":      {Subject: "s", Text: "t"},
		"bad_to":     {To: []string{"nobody"}, Subject: "s", Text: "t"},
		"two_lines":  {To: []string{"a@example.com"}, Subject: "s\nBcc: x@example.com", Text: "t"},
		"no_text":    {To: []string{"a@example.com"}, Subject: "s"},
		"no_subject": {To: []string{"a@example.com"}, Text: "t"},
	} {
		if _, err := ob.Enqueue(m); err == nil {
			t.Errorf("%s: Enqueue accepted %+v", name, m)
		}
	}
}

// TestOutboxRetriesAfterServerDown queues a mail while nothing listens on the SMTP port, then
// starts Mailpit on that port: a sweep sends the mail, once.
func TestOutboxRetriesAfterServerDown(t *testing.T) {
	t.Parallel()
	port := testenv.FreePort(t)
	st := openStore(t)
	clk := testenv.ClockAt(time.Now())
	ob := mail.NewOutbox(st, smtpSender(t, "127.0.0.1:"+itoa(port)), mail.Options{Now: clk.Now})
	d := startFeed(t, st, ob)
	k := enqueue(t, st, ob, welcome)
	drain(t, d)
	if s := stateOf(t, st, k); s != (state{mail.StatusPending, 1}) || depth(t, ob) != 1 {
		t.Fatalf("after a failed send: %+v, depth %d", s, depth(t, ob))
	}
	sweep(t, ob, 0) // not due yet: the first retry waits a minute
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{SMTPPort: port})
	clk.Advance(time.Minute)
	sweep(t, ob, 1)
	sweep(t, ob, 0)
	if n := len(mp.WaitMessages(t, 1, 10*time.Second)); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
	if s := stateOf(t, st, k); s != (state{mail.StatusSent, 2}) || depth(t, ob) != 0 {
		t.Errorf("after the retry: %+v, depth %d", s, depth(t, ob))
	}
}

func sweep(t *testing.T, ob *mail.Outbox, want int) {
	t.Helper()
	n, err := ob.Sweep(context.Background())
	if err != nil || n != want {
		t.Fatalf("Sweep: %d mails tried, %v; want %d", n, err, want)
	}
}
