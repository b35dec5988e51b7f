package mail

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Name names the outbox as a consumer of the change feed.
func (o *Outbox) Name() string { return "mail" }

// Handle sends the mail that a change queued. Only the creation of an outbox item is acted on:
// the outbox's own state changes are streamed too, and retries are the sweeper's. A change
// delivered again finds the mail no longer pending at attempt 0 and does nothing. Failed sends
// are recorded on the mail, not returned, so a broken mail never holds up the feed; only store
// errors are returned, for the feed to retry.
func (o *Outbox) Handle(ctx context.Context, c store.Change) error {
	if c.Type != ItemType || c.Old != nil || c.New == nil {
		return nil
	}
	return o.attempt(ctx, c.Key, func(r record, _ time.Time) bool {
		return r.Status == StatusPending && r.Attempts == 0
	})
}

// claimable decides from a mail's current state whether this attempt may claim it.
type claimable func(r record, now time.Time) bool

// attempt claims the mail at k if ok allows, sends it and records the outcome. Once the claim is
// written the attempt runs to its end even if ctx is cancelled (bounded by SendTimeout), so that
// a shutdown does not leave a sent mail marked as sending, to be sent again after its lease.
func (o *Outbox) attempt(ctx context.Context, k store.Key, ok claimable) error {
	it, rec, err := o.load(ctx, k)
	if errors.Is(err, store.ErrNotFound) {
		return nil // removed after its retention; nothing to send
	}
	if err != nil {
		return err
	}
	now := o.opts.Now().UTC()
	if !ok(rec, now) {
		return nil
	}
	rec, err = o.claim(ctx, it, rec, now)
	if errors.Is(err, store.ErrConflict) {
		return nil // another attempt claimed it first
	}
	if err != nil {
		return err
	}
	ctx = context.WithoutCancel(ctx)
	sendCtx, cancel := context.WithTimeout(ctx, o.opts.SendTimeout)
	sendErr := o.send.Send(sendCtx, rec.Message)
	cancel()
	return o.finish(ctx, idOf(k), rec, sendErr)
}

func (o *Outbox) load(ctx context.Context, k store.Key) (store.Item, record, error) {
	it, err := o.st.Get(ctx, k)
	if err != nil {
		return it, record{}, fmt.Errorf("load mail %s: %w", idOf(k), err)
	}
	var rec record
	if err := it.Decode(&rec); err != nil {
		return it, rec, fmt.Errorf("decode mail %s: %w", idOf(k), err)
	}
	return it, rec, nil
}

// claim moves the mail to sending, with a lease, if its version is still the one read.
func (o *Outbox) claim(ctx context.Context, it store.Item, rec record, now time.Time) (
	record, error) {
	rec.Status, rec.DueAt = StatusSending, now.Add(o.opts.Lease)
	rec.Attempts++
	if err := o.replace(ctx, idOf(it.Key), rec); err != nil {
		return rec, fmt.Errorf("claim mail %s: %w", idOf(it.Key), err)
	}
	rec.Version++
	return rec, nil
}

// replace writes rec as the next version of the mail, if the stored version is still
// rec.Version. Sent and failed mails expire after the retention.
func (o *Outbox) replace(ctx context.Context, id string, rec record) error {
	var expires time.Time
	if rec.Status == StatusSent || rec.Status == StatusFailed {
		expires = o.opts.Now().Add(o.opts.Retention)
	}
	read := rec.Version
	rec.Version++
	it, err := rec.item(id, expires)
	if err != nil {
		return err
	}
	return o.st.Write(ctx, store.Put(it).When(store.IfField("version", store.Eq, read)))
}
