package audit

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensorhq/licensor/internal/store"
)

// Filter selects events of a log.
type Filter struct {
	// OrgID is the organisation whose log is read; "" reads every event (the vendor's view).
	OrgID string
	// Action keeps the events of one action ("member.role_changed"), or of every action of an
	// object ("member"); "" keeps all.
	Action string
	Limit  int
	Cursor string
}

// Page is one page of a log, newest first.
type Page struct {
	Events []Event
	// Cursor continues the log; "" at its end.
	Cursor string
}

// maxReads bounds the queries of one page when a filter drops events: a page may then hold
// fewer events than asked, with a cursor to read on.
const maxReads = 10

// List returns a page of the log that f selects, newest first. Without an action filter it is
// one query; with one, it reads on, query after query, until the page is full, the log ends or
// maxReads queries were made.
func List(ctx context.Context, st store.Store, f Filter) (Page, error) {
	q := store.Query{Index: store.GSI1, PK: allPK, Backward: true, Cursor: f.Cursor}
	if f.OrgID != "" {
		q = store.Query{PK: "audit#" + f.OrgID, Backward: true, Cursor: f.Cursor}
	}
	var p Page
	for range maxReads {
		q.Limit = f.Limit - len(p.Events)
		page, err := st.Query(ctx, q)
		if err != nil {
			return Page{}, fmt.Errorf("list audit events: %w", err)
		}
		for _, it := range page.Items {
			var e Event
			if err := it.Decode(&e); err != nil {
				return Page{}, fmt.Errorf("decode audit event %s: %w", it.SK, err)
			}
			if matches(e.Action, f.Action) {
				p.Events = append(p.Events, e)
			}
		}
		p.Cursor, q.Cursor = page.Cursor, page.Cursor
		if page.Cursor == "" || len(p.Events) >= f.Limit {
			break
		}
	}
	return p, nil
}

// matches reports whether action is filter, or of the object filter names.
func matches(action, filter string) bool {
	return filter == "" || action == filter || strings.HasPrefix(action, filter+".")
}
