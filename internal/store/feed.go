package store

import (
	"context"
	"time"
)

// Change is one committed change of a streamed item, as the change feed delivers it.
type Change struct {
	// Position is where the feed stands once this change is handled; a consumer that saves it
	// resumes after this change. Opaque: only the engine that produced it reads it.
	Position string
	Key      Key
	Type     string
	// Old is the item before the change and New the item after it; nil when there was none.
	Old, New *Item
	At       time.Time
}

// ChangeReader is implemented by engines that capture the changes of streamed item types.
// Changes of one partition are read in commit order; a change may be read more than once.
type ChangeReader interface {
	// ReadChanges returns up to limit changes after position after ("" is the beginning of what
	// the engine retains). It returns no changes, and no error, when none are there yet.
	ReadChanges(ctx context.Context, after string, limit int) ([]Change, error)
	// Changed returns a channel that is closed by the next commit that adds changes, so that
	// readers waiting on it need not poll often; call it again for the commit after. Engines that
	// cannot tell return nil, and readers poll.
	Changed() <-chan struct{}
}
