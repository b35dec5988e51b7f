package feed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// positionBody is the body of a saved position item.
type positionBody struct {
	Position string    `json:"position"`
	SavedAt  time.Time `json:"saved_at"`
}

// loadPosition reads the saved position, "" when there is none, retrying failed reads; false
// means ctx ended.
func (r *runner) loadPosition(ctx context.Context) (string, bool) {
	for attempt := 1; ; attempt++ {
		pos, err := r.readPosition(ctx)
		if err == nil {
			r.setPosition(pos)
			return pos, true
		}
		if !r.failed(ctx, attempt, "load position", err) {
			return "", false
		}
	}
}

func (r *runner) readPosition(ctx context.Context) (string, error) {
	it, err := r.d.st.Get(ctx, PositionKey(r.c.Name()))
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("load position: %w", err)
	}
	var b positionBody
	if err := it.Decode(&b); err != nil {
		return "", fmt.Errorf("decode position: %w", err)
	}
	return b.Position, nil
}

// savePosition saves pos, retrying failed writes; false means ctx ended. A position that is not
// saved only means the batch is delivered again after a restart.
func (r *runner) savePosition(ctx context.Context, pos string) bool {
	body, err := json.Marshal(positionBody{Position: pos, SavedAt: r.d.opts.Now().UTC()})
	if err != nil {
		panic(err) // a struct of a string and a time always marshals
	}
	it := store.Item{Key: PositionKey(r.c.Name()), Type: PositionType, Body: body}
	for attempt := 1; ; attempt++ {
		err := r.d.st.Write(ctx, store.Put(it))
		if err == nil {
			r.setPosition(pos)
			return true
		}
		if !r.failed(ctx, attempt, "save position", err) {
			return false
		}
	}
}

func (r *runner) setPosition(pos string) {
	r.mu.Lock()
	r.position = pos
	r.mu.Unlock()
}
