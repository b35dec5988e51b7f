// Package store is Licensor's storage contract: a single-table model shaped like DynamoDB's.
//
// An item has a partition key and a sort key, up to two secondary index keys, an optional expiry
// and a JSON object body. Engines (SQLite, DynamoDB) implement Store; domain code is written once,
// against this contract, and never against an engine. The conformance suite in package storetest
// says exactly what an engine must do.
package store

import (
	"context"
	"encoding/json"
	"time"
)

// Key identifies one item: PK selects its partition, SK orders it within the partition.
type Key struct {
	PK string `json:"pk"`
	SK string `json:"sk"`
}

// IndexKey is an item's key in a secondary index. An item with an empty PK is not in the index.
type IndexKey struct {
	PK string `json:"pk,omitempty"`
	SK string `json:"sk,omitempty"`
}

// Item is one record.
type Item struct {
	Key
	// Type names the kind of item ("user", "session", ...). It decides whether the item's changes
	// are streamed to the change feed (see Options.Streamed).
	Type string `json:"type,omitempty"`
	// GSI1 and GSI2 place the item in the two secondary indexes.
	GSI1 IndexKey `json:"gsi1,omitzero"`
	GSI2 IndexKey `json:"gsi2,omitzero"`
	// ExpiresAt, when not zero, is when the item stops existing. Engines keep it to the second. An
	// expired item is invisible to Get and Query and counts as absent for conditions at once;
	// engines remove it later.
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	// Body is a JSON object. Update operations and conditions address its top-level fields.
	Body json.RawMessage `json:"body,omitempty"`
}

// Decode unmarshals the item's body into v.
func (it Item) Decode(v any) error {
	return json.Unmarshal(it.Body, v)
}

// Expired reports whether the item has expired at time now.
func (it Item) Expired(now time.Time) bool {
	return !it.ExpiresAt.IsZero() && !now.Before(it.ExpiresAt)
}

// Index names where a query looks.
type Index string

// The indexes of the table.
const (
	Primary Index = ""
	GSI1    Index = "gsi1"
	GSI2    Index = "gsi2"
)

// Query selects items of one partition of one index, in sort-key order.
type Query struct {
	Index Index
	PK    string
	// Prefix, when set, keeps sort keys that start with it. It excludes From and To.
	Prefix string
	// From and To, when set, bound the sort key, both inclusive.
	From, To string
	// Backward returns items in descending sort-key order.
	Backward bool
	// Limit is the most items to return; 0 means all.
	Limit int
	// Cursor continues a previous query with the same parameters; "" starts at the beginning.
	Cursor string
}

// Page is one answer to a query.
type Page struct {
	Items []Item
	// Cursor continues the query after the last item of Items. It is "" when no item remains,
	// and it stays valid while other items are written or deleted.
	Cursor string
}

// Store is the storage contract. Implementations are safe for concurrent use.
type Store interface {
	// Get returns the item with key k, or an error wrapping ErrNotFound.
	Get(ctx context.Context, k Key) (Item, error)
	// Query returns the items that q selects.
	Query(ctx context.Context, q Query) (Page, error)
	// Write applies ops atomically: all of them or none. A failed condition returns a
	// *ConditionError (which matches ErrConflict) naming the operation; a write over the limits
	// returns an error wrapping ErrTooLarge or ErrInvalid and changes nothing.
	Write(ctx context.Context, ops ...Op) error
	// Ping reports whether the store is reachable and ready.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}

// Options are the settings every engine takes.
type Options struct {
	// Streamed lists the item types whose changes the engine delivers to its change feed.
	Streamed []string
	// Now is the clock used for expiry; nil means time.Now.
	Now func() time.Time
}

// Clock returns the options' clock.
func (o Options) Clock() func() time.Time {
	if o.Now == nil {
		return time.Now
	}
	return o.Now
}

// IsStreamed reports whether items of type t go to the change feed.
func (o Options) IsStreamed(t string) bool {
	for _, s := range o.Streamed {
		if s == t {
			return true
		}
	}
	return false
}
