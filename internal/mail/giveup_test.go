package mail_test

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/testenv"
)

// TestOutboxGivesUpAfterMaxAge retries a mail to a server that never comes, with the backoff
// doubling, until the next retry would fall after MaxAge.
func TestOutboxGivesUpAfterMaxAge(t *testing.T) {
	t.Parallel()
	st := openStore(t)
	clk := testenv.ClockAt(time.Now())
	var log testenv.Buffer
	ob := mail.NewOutbox(st, smtpSender(t, "127.0.0.1:"+itoa(testenv.FreePort(t))), mail.Options{
		Now: clk.Now, MaxAge: 3 * time.Minute, Logger: slog.New(slog.NewTextHandler(&log, nil)),
		Backoff: feed.Backoff{Initial: time.Minute, Max: time.Hour}})
	d := startFeed(t, st, ob)
	k := enqueue(t, st, ob, welcome)
	drain(t, d) // attempt 1 fails: retry in 1 minute
	clk.Advance(time.Minute)
	sweep(t, ob, 1) // attempt 2 fails: retry in 2 minutes, at the 3rd minute
	clk.Advance(time.Minute)
	sweep(t, ob, 0)
	clk.Advance(time.Minute)
	sweep(t, ob, 1) // attempt 3 fails: the next would be at the 7th minute; give up
	if s := stateOf(t, st, k); s != (state{mail.StatusFailed, 3}) || depth(t, ob) != 0 {
		t.Errorf("state %+v, depth %d", s, depth(t, ob))
	}
	for _, want := range []string{"level=WARN msg=\"mail: send failed; will retry\"",
		"kind=test attempt=2", "level=ERROR msg=\"mail: giving up\"", "attempts=3"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

// TestOutboxBrokenMailDoesNotBlock queues a mail whose only recipient the server refuses, then a
// good one: the first fails for good at once, the second arrives.
func TestOutboxBrokenMailDoesNotBlock(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{AllowedRecipients: `@example\.com$`})
	st := openStore(t)
	ob := mail.NewOutbox(st, smtpSender(t, mp.SMTPAddr), mail.Options{})
	d := startFeed(t, st, ob)
	broken := welcome
	broken.To = []string{"nobody@example.org"}
	bk := enqueue(t, st, ob, broken)
	gk := enqueue(t, st, ob, welcome)
	drain(t, d)
	if s := stateOf(t, st, bk); s != (state{mail.StatusFailed, 1}) {
		t.Errorf("refused mail: %+v", s)
	}
	if s := stateOf(t, st, gk); s != (state{mail.StatusSent, 1}) {
		t.Errorf("good mail: %+v", s)
	}
	mp.WaitMessages(t, 1, 10*time.Second)
}
