package mail

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/store"
)

// finish records the outcome of a send on the claimed mail. The write is retried until the lease
// ends: a mail that was sent but not marked sent would be sent again once its lease ends.
func (o *Outbox) finish(ctx context.Context, id string, rec record, sendErr error) error {
	leaseEnd := rec.DueAt
	rec = o.outcome(ctx, id, rec, sendErr)
	ctx, cancel := context.WithDeadline(ctx, leaseEnd)
	defer cancel()
	retry := feed.Backoff{Initial: 100 * time.Millisecond, Max: 5 * time.Second}
	for attempt := 1; ; attempt++ {
		err := o.replace(ctx, id, rec)
		if err == nil || errors.Is(err, store.ErrConflict) {
			return nil // a conflict: the lease ended and another attempt owns the mail now
		}
		if !sleepCtx(ctx, retry.Delay(attempt)) {
			return fmt.Errorf("record outcome of mail %s: %w", id, err)
		}
	}
}

// outcome is the next state of a claimed mail after a send, logged when the send failed. A mail
// that is done keeps no body: its links may hold tokens, which are stored nowhere else in clear.
func (o *Outbox) outcome(ctx context.Context, id string, rec record, sendErr error) record {
	now := o.opts.Now().UTC()
	if sendErr == nil {
		rec.Status, rec.SentAt, rec.DueAt, rec.LastError = StatusSent, now, time.Time{}, ""
		rec.Text, rec.HTML = "", ""
		return rec
	}
	rec.LastError = sendErr.Error()
	next := now.Add(o.opts.Backoff.Delay(rec.Attempts))
	if errors.Is(sendErr, ErrPermanent) || next.Sub(rec.CreatedAt) > o.opts.MaxAge {
		rec.Status, rec.DueAt = StatusFailed, time.Time{}
		rec.Text, rec.HTML = "", ""
		o.opts.Logger.ErrorContext(ctx, "mail: giving up", "mail_id", id, "kind", rec.Kind,
			"attempts", rec.Attempts, "error", sendErr)
		return rec
	}
	rec.Status, rec.DueAt = StatusPending, next
	o.opts.Logger.WarnContext(ctx, "mail: send failed; will retry", "mail_id", id,
		"kind", rec.Kind, "attempt", rec.Attempts, "next_attempt_at", next, "error", sendErr)
	return rec
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
