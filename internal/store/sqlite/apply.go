package sqlite

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// applyOps runs one write's operations on the writer connection and returns how many changes it
// recorded. On error the caller rolls the write back. Like DynamoDB, it refuses a write whose
// items put and updated total more than store.MaxWriteSize bytes.
func (s *Store) applyOps(w *writer, ops []prepared) (int, error) {
	now := s.now()
	changes, size := 0, 0
	for i := range ops {
		n, err := s.applyOp(w, i, &ops[i], now, &size)
		if err != nil {
			return 0, err
		}
		changes += n
	}
	if size > store.MaxWriteSize {
		return 0, fmt.Errorf("%w: items of %d bytes together, at most %d", store.ErrTooLarge, size,
			store.MaxWriteSize)
	}
	return changes, nil
}

// applyOp runs operation i and adds the size of the item it writes to size.
func (s *Store) applyOp(w *writer, i int, op *prepared, now time.Time, size *int) (int, error) {
	k := op.Target()
	var cur store.Item
	var found bool
	if op.cond != nil || op.Kind == store.OpUpdate || len(s.opts.Streamed) > 0 {
		var err error
		if cur, found, err = w.loadItem(k); err != nil {
			return 0, err
		}
		found = found && !cur.Expired(now)
	}
	if op.cond != nil && !op.cond.holds(cur, found) {
		return 0, &store.ConditionError{Index: i, Key: k}
	}
	next, exists, err := s.result(w, op, cur, found)
	if err != nil {
		return 0, err
	}
	if op.Kind == store.OpCheck {
		return 0, nil
	}
	if exists {
		*size += store.ItemSize(next)
	}
	return s.record(w, ptr(cur, found), ptr(next, exists), now)
}

func ptr(it store.Item, found bool) *store.Item {
	if !found {
		return nil
	}
	return &it
}

// result writes the operation's effect and returns the item after it (exists false when none).
func (s *Store) result(w *writer, op *prepared, cur store.Item, found bool) (
	store.Item, bool, error,
) {
	k := op.Target()
	switch op.Kind {
	case store.OpPut:
		return op.Item, true, w.exec(w.put, rowArgs(op.Item)...)
	case store.OpUpdate:
		next, err := updated(cur, found, op)
		if err != nil {
			return store.Item{}, false, err
		}
		return next, true, w.exec(w.put, rowArgs(next)...)
	case store.OpDelete:
		return store.Item{}, false, w.exec(w.del, k.PK, k.SK)
	}
	return cur, found, nil
}

// updated is the item after an update: the live item, or a new one of the update's type, with
// fields set and added.
func updated(cur store.Item, found bool, op *prepared) (store.Item, error) {
	fields := make(map[string]json.RawMessage, len(op.set)+len(op.Add)+8)
	if !found {
		cur = store.Item{Key: op.Key, Type: op.Type}
	} else if err := json.Unmarshal(cur.Body, &fields); err != nil {
		return store.Item{}, fmt.Errorf("decode body of %s/%s: %w", cur.PK, cur.SK, err)
	}
	for f, raw := range op.set {
		fields[f] = raw
	}
	for f, d := range op.Add {
		sum, err := add(fields[f], d)
		if err != nil {
			return store.Item{}, fmt.Errorf("add to field %q: %w", f, err)
		}
		fields[f] = sum
	}
	body, err := json.Marshal(fields)
	if err != nil {
		return store.Item{}, fmt.Errorf("encode body of %s/%s: %w", cur.PK, cur.SK, err)
	}
	cur.Body = body
	if n := store.ItemSize(cur); n > store.MaxItemSize {
		return store.Item{}, fmt.Errorf("%w: item %s/%s would be %d bytes",
			store.ErrTooLarge, cur.PK, cur.SK, n)
	}
	return cur, nil
}

// add adds d to a JSON integer exactly; a missing field counts as 0.
func add(raw json.RawMessage, d int64) (json.RawMessage, error) {
	var n int64
	if raw != nil {
		var err error
		if n, err = strconv.ParseInt(string(raw), 10, 64); err != nil {
			return nil, fmt.Errorf("%w: not an integer", store.ErrInvalid)
		}
	}
	if (d > 0 && n > math.MaxInt64-d) || (d < 0 && n < math.MinInt64-d) {
		return nil, fmt.Errorf("%w: integer overflow", store.ErrInvalid)
	}
	return strconv.AppendInt(nil, n+d, 10), nil
}
