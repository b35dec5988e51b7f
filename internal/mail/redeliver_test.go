package mail_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/testenv"
)

func itoa(n int) string { return strconv.Itoa(n) }

func deletePosition(consumer string) store.Op { return store.Delete(feed.PositionKey(consumer)) }

// TestOutboxNoDuplicateAfterRestart sends a mail, then replays the feed from its beginning with a
// new dispatcher (as after a crash before the position was saved), and hands the same change to
// the outbox again from many goroutines: one mail arrives.
func TestOutboxNoDuplicateAfterRestart(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{})
	st := openStore(t)
	ob := mail.NewOutbox(st, smtpSender(t, mp.SMTPAddr), mail.Options{})
	d := startFeed(t, st, ob)
	enqueue(t, st, ob, welcome)
	drain(t, d)
	mp.WaitMessages(t, 1, 10*time.Second)

	ctx := context.Background()
	if err := st.Write(ctx, deletePosition(ob.Name())); err != nil {
		t.Fatal(err)
	}
	drain(t, startFeed(t, st, ob))
	changes, err := st.ReadChanges(ctx, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, c := range changes {
				if err := ob.Handle(ctx, c); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if n := len(mp.Messages(t)); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
}

// TestOutboxSendsOnceUnderConcurrentAttempts hands a new mail's change to the outbox from many
// goroutines at once, with sweeps racing them: the conditional claim lets one send it.
func TestOutboxSendsOnceUnderConcurrentAttempts(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{})
	st := openStore(t)
	clk := testenv.ClockAt(time.Now())
	ob := mail.NewOutbox(st, smtpSender(t, mp.SMTPAddr), mail.Options{Now: clk.Now})
	enqueue(t, st, ob, welcome)
	clk.Advance(time.Hour) // past the grace: sweeps may take the mail too
	ctx := context.Background()
	changes, err := st.ReadChanges(ctx, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			if i%2 == 0 {
				_, errs[i] = ob.Sweep(ctx)
			} else {
				errs[i] = ob.Handle(ctx, changes[0])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	mp.WaitMessages(t, 1, 10*time.Second)
	time.Sleep(200 * time.Millisecond) // a second, wrong, delivery would have arrived by now
	if n := len(mp.Messages(t)); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
}
