package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// record adds a change to the feed, in the write's transaction, when the item's type (before or
// after) is streamed. Like DynamoDB Streams it records nothing for a write that changed nothing.
func (s *Store) record(w *writer, before, after *store.Item, now time.Time) (int, error) {
	if before == nil && after == nil || !s.streamed(before, after) || same(before, after) {
		return 0, nil
	}
	ref := after
	if ref == nil {
		ref = before
	}
	oldJSON, err := itemJSON(before)
	if err != nil {
		return 0, err
	}
	newJSON, err := itemJSON(after)
	if err != nil {
		return 0, err
	}
	err = w.exec(w.change, ref.PK, ref.SK, ref.Type, oldJSON, newJSON, now.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("record change of %s/%s: %w", ref.PK, ref.SK, err)
	}
	return 1, nil
}

func (s *Store) streamed(before, after *store.Item) bool {
	return (before != nil && s.opts.IsStreamed(before.Type)) ||
		(after != nil && s.opts.IsStreamed(after.Type))
}

func same(a, b *store.Item) bool {
	if a == nil || b == nil {
		return false
	}
	return a.Key == b.Key && a.Type == b.Type && a.GSI1 == b.GSI1 && a.GSI2 == b.GSI2 &&
		a.ExpiresAt.Equal(b.ExpiresAt) && bytes.Equal(a.Body, b.Body)
}

func itemJSON(it *store.Item) (any, error) {
	if it == nil {
		return nil, nil
	}
	b, err := json.Marshal(it)
	if err != nil {
		return nil, fmt.Errorf("encode change of %s/%s: %w", it.PK, it.SK, err)
	}
	return string(b), nil
}

const readChangesSQL = `SELECT seq, pk, sk, type, old, new, at FROM changes
	WHERE seq > ? ORDER BY seq LIMIT ?`

// ReadChanges returns up to limit changes after position after, in commit order. Positions are
// the decimal sequence numbers of changes.
func (s *Store) ReadChanges(ctx context.Context, after string, limit int) ([]store.Change, error) {
	var from int64
	if after != "" {
		var err error
		if from, err = strconv.ParseInt(after, 10, 64); err != nil || from < 0 {
			return nil, fmt.Errorf("%w: malformed position %q", store.ErrInvalid, after)
		}
	}
	if limit <= 0 {
		return nil, fmt.Errorf("%w: read changes limit %d", store.ErrInvalid, limit)
	}
	st, err := s.queryStmt(ctx, readChangesSQL)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, from, limit)
	if err != nil {
		return nil, fmt.Errorf("read changes: %w", err)
	}
	defer rows.Close()
	out := make([]store.Change, 0, min(limit, 256))
	for rows.Next() {
		c, err := scanChange(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read changes: %w", err)
	}
	return out, nil
}

func scanChange(r scanner) (store.Change, error) {
	var c store.Change
	var seq, at int64
	var before, after []byte
	if err := r.Scan(&seq, &c.Key.PK, &c.Key.SK, &c.Type, &before, &after, &at); err != nil {
		return store.Change{}, fmt.Errorf("read change: %w", err)
	}
	c.Position = strconv.FormatInt(seq, 10)
	c.At = time.UnixMilli(at).UTC()
	var err error
	if c.Old, err = decodeItem(before); err == nil {
		c.New, err = decodeItem(after)
	}
	if err != nil {
		return store.Change{}, fmt.Errorf("decode change %d: %w", seq, err)
	}
	return c, nil
}

func decodeItem(b []byte) (*store.Item, error) {
	if b == nil {
		return nil, nil
	}
	it := new(store.Item)
	if err := json.Unmarshal(b, it); err != nil {
		return nil, err
	}
	return it, nil
}

// Changed returns a channel that the next commit adding changes closes.
func (s *Store) Changed() <-chan struct{} {
	return s.feed.wait()
}

// notifier hands out a channel that is closed, and replaced, at each notify.
type notifier struct {
	mu sync.Mutex
	ch chan struct{}
}

func (n *notifier) init() { n.ch = make(chan struct{}) }

func (n *notifier) wait() <-chan struct{} {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.ch
}

func (n *notifier) notify() {
	n.mu.Lock()
	defer n.mu.Unlock()
	close(n.ch)
	n.ch = make(chan struct{})
}
