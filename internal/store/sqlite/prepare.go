package sqlite

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// prepared is an operation checked and encoded in the caller's goroutine, so that the one writer
// goroutine spends its time only on what must be serialised.
type prepared struct {
	store.Op
	cond *cond
	set  map[string]json.RawMessage
}

// prepare checks what store.Validate leaves to engines (conditions, JSON bodies, Set values) and
// normalises put items to what Get will return.
func prepare(ops []store.Op) ([]prepared, error) {
	out := make([]prepared, len(ops))
	for i, op := range ops {
		p := prepared{Op: op}
		var err error
		if op.If != nil {
			if p.cond, err = newCond(*op.If); err != nil {
				return nil, fmt.Errorf("operation %d: %w", i, err)
			}
		}
		if err := p.encode(); err != nil {
			return nil, fmt.Errorf("operation %d: %w", i, err)
		}
		out[i] = p
	}
	return out, nil
}

func (p *prepared) encode() error {
	switch p.Kind {
	case store.OpPut:
		p.Item = normalise(p.Item)
		if !json.Valid(p.Item.Body) {
			return fmt.Errorf("%w: body is not valid JSON", store.ErrInvalid)
		}
	case store.OpUpdate:
		p.set = make(map[string]json.RawMessage, len(p.Set))
		for f, v := range p.Set {
			raw, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("%w: field %q: %v", store.ErrInvalid, f, err)
			}
			p.set[f] = raw
		}
	}
	return nil
}

// normalise gives an item the form the engine stores: expiry to the second in UTC, and an empty
// object for an absent body.
func normalise(it store.Item) store.Item {
	if !it.ExpiresAt.IsZero() {
		it.ExpiresAt = time.Unix(it.ExpiresAt.Unix(), 0).UTC()
	}
	if len(it.Body) == 0 {
		it.Body = json.RawMessage("{}")
	}
	return it
}
