package mail

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/licensorhq/licensor/internal/feed"
	"github.com/licensorhq/licensor/internal/store"
)

// ItemType is the type of outbox items. It must be listed in store.Options.Streamed: the outbox
// learns of new mails from the change feed.
const ItemType = "mail"

// The states of an outbox item. Every change of state is a conditional put on the item's version,
// so two senders (the feed consumer and a sweep, or two processes) never both own one attempt.
const (
	StatusPending = "pending" // waiting for its first attempt, or for a retry at DueAt
	StatusSending = "sending" // claimed by a sender until DueAt, the end of its lease
	StatusSent    = "sent"    // the server accepted it
	StatusFailed  = "failed"  // given up: refused for good, or still failing after MaxAge
)

// duePK is the GSI1 partition of every mail that is pending or sending, sorted by DueAt: the
// sweeper reads it up to now, and its size is the outbox depth.
const duePK = "mail#due"

// Options tune an Outbox. The zero value gives the defaults.
type Options struct {
	// Backoff spaces the retries of a failed mail: 1 minute doubling up to 1 hour by default.
	Backoff feed.Backoff
	// MaxAge is how long after it was queued a mail is still retried: 72 hours by default.
	MaxAge time.Duration
	// Lease is how long a claim keeps others from sending the mail: 5 minutes by default. It
	// must be longer than SendTimeout, or a slow send can be sent twice.
	Lease time.Duration
	// SendTimeout bounds one send: 30 seconds by default.
	SendTimeout time.Duration
	// Grace is how long the sweeper leaves a new mail to the change feed: 1 minute by default.
	Grace time.Duration
	// Retention is how long sent and failed mails are kept: 30 days by default.
	Retention time.Duration
	// SweepLimit is the most mails one sweep tries: 100 by default.
	SweepLimit int
	// Logger receives failures; nil means slog.Default().
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	o.Backoff.Initial = or(o.Backoff.Initial, time.Minute)
	o.Backoff.Max = or(o.Backoff.Max, time.Hour)
	o.MaxAge = or(o.MaxAge, 72*time.Hour)
	o.Lease = or(o.Lease, 5*time.Minute)
	o.SendTimeout = or(o.SendTimeout, 30*time.Second)
	o.Grace = or(o.Grace, time.Minute)
	o.Retention = or(o.Retention, 30*24*time.Hour)
	o.SweepLimit = or(o.SweepLimit, 100)
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

func or[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Outbox queues mails in the store and sends them. It is a feed.Consumer of the change feed.
type Outbox struct {
	st   store.Store
	send Sender
	opts Options
}

// NewOutbox returns an outbox that keeps mails in st and sends them with s.
func NewOutbox(st store.Store, s Sender, opts Options) *Outbox {
	return &Outbox{st: st, send: s, opts: opts.withDefaults()}
}

// record is the body of an outbox item.
type record struct {
	Message
	Status    string    `json:"status"`
	Version   int64     `json:"version"`
	Attempts  int       `json:"attempts"`
	CreatedAt time.Time `json:"created_at"`
	// DueAt is when a pending mail is next tried, or when the lease of a sending one ends.
	DueAt     time.Time `json:"due_at,omitzero"`
	SentAt    time.Time `json:"sent_at,omitzero"`
	LastError string    `json:"last_error,omitempty"`
}

// Enqueue returns the operation that queues m, for the caller to add to the atomic write of the
// change that causes the mail: the mail is sent only if that write commits.
func (o *Outbox) Enqueue(m Message) (store.Op, error) {
	if err := m.Validate(); err != nil {
		return store.Op{}, err
	}
	now := o.opts.Now().UTC()
	rec := record{Message: m, Status: StatusPending, Version: 1, CreatedAt: now,
		DueAt: now.Add(o.opts.Grace)}
	it, err := rec.item(newID(), time.Time{})
	if err != nil {
		return store.Op{}, err
	}
	return store.Put(it).When(store.IfNotExists()), nil
}

// item builds the outbox item of rec; expires, when set, is when the store removes it.
func (rec record) item(id string, expires time.Time) (store.Item, error) {
	body, err := json.Marshal(rec)
	if err != nil {
		return store.Item{}, fmt.Errorf("encode mail %s: %w", id, err)
	}
	it := store.Item{Key: key(id), Type: ItemType, Body: body, ExpiresAt: expires}
	if rec.Status == StatusPending || rec.Status == StatusSending {
		it.GSI1 = store.IndexKey{PK: duePK, SK: dueSK(rec.DueAt, id)}
	}
	return it, nil
}

func key(id string) store.Key { return store.Key{PK: "mail#" + id, SK: "mail"} }

func idOf(k store.Key) string { return strings.TrimPrefix(k.PK, "mail#") }

// dueSK sorts by time: a fixed-width UTC time sorts as text the way it sorts as time.
func dueSK(t time.Time, id string) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z") + "#" + id
}

func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return "mail_" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).
		EncodeToString(b[:]))
}
