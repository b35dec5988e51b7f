package api_test

import (
	"context"
	"sync"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/store"
)

// recorder is a real store that remembers each write it committed: the types of the items it
// touched, the request it was made for, and its operations, so that a test can tell that a
// refused request changed nothing but the audit log, and replay a world into another store.
type recorder struct {
	store.Store
	mu      sync.Mutex
	touched []string
	writes  []write
}

// write is one committed write: the request id of its context ("" outside a request), the
// types it touched, and its operations.
type write struct {
	requestID string
	types     []string
	ops       []store.Op
}

func (r *recorder) Write(ctx context.Context, ops ...store.Op) error {
	err := r.Store.Write(ctx, ops...)
	if err != nil {
		return err
	}
	w := write{requestID: api.RequestID(ctx), ops: ops}
	for _, op := range ops {
		w.types = append(w.types, opType(op))
	}
	r.mu.Lock()
	r.touched = append(r.touched, w.types...)
	r.writes = append(r.writes, w)
	r.mu.Unlock()
	return nil
}

// opType names what op wrote: its item type, or its key for the kinds without one.
func opType(op store.Op) string {
	switch {
	case op.Kind == store.OpCheck:
		return ""
	case op.Item.Type != "":
		return op.Item.Type
	case op.Type != "":
		return op.Type
	}
	return op.Target().PK
}

// since returns the types written after mark (a length of touched).
func (r *recorder) since(mark int) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.touched[mark:]...)
}

func (r *recorder) mark() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.touched)
}

// writtenFor returns the types that the request with id requestID wrote ("" for the writes
// made outside any request).
func (r *recorder) writtenFor(requestID string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, w := range r.writes {
		if w.requestID == requestID {
			out = append(out, w.types...)
		}
	}
	return out
}

// history returns the operations of every write so far, in order.
func (r *recorder) history() [][]store.Op {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([][]store.Op, len(r.writes))
	for i, w := range r.writes {
		out[i] = w.ops
	}
	return out
}
