package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensorhq/licensor/internal/store"
)

// indexCols names an index's partition key column, its sort key column and its full ordering.
// Secondary index keys need not be unique, so the primary key breaks ties.
type indexCols struct{ pk, sk, order string }

var indexes = map[store.Index]indexCols{
	store.Primary: {"pk", "sk", "sk"},
	store.GSI1:    {"gsi1pk", "gsi1sk", "gsi1sk, pk, sk"},
	store.GSI2:    {"gsi2pk", "gsi2sk", "gsi2sk, pk, sk"},
}

// Query returns the items of one index partition that q selects, in sort-key order.
func (s *Store) Query(ctx context.Context, q store.Query) (store.Page, error) {
	text, args, err := s.querySQL(q)
	if err != nil {
		return store.Page{}, err
	}
	st, err := s.queryStmt(ctx, text)
	if err != nil {
		return store.Page{}, err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return store.Page{}, fmt.Errorf("query %s %s: %w", q.Index, q.PK, err)
	}
	defer rows.Close()
	var page store.Page
	for rows.Next() {
		it, err := scanRow(rows)
		if err != nil {
			return store.Page{}, fmt.Errorf("read query %s %s: %w", q.Index, q.PK, err)
		}
		page.Items = append(page.Items, it)
	}
	if err := rows.Err(); err != nil {
		return store.Page{}, fmt.Errorf("query %s %s: %w", q.Index, q.PK, err)
	}
	return finishPage(q, page), nil
}

// finishPage trims the extra row fetched to learn whether more remain, and sets the cursor only
// then, so that an empty cursor means exactly that nothing remains.
func finishPage(q store.Query, page store.Page) store.Page {
	if q.Limit > 0 && len(page.Items) > q.Limit {
		page.Items = page.Items[:q.Limit]
		page.Cursor = cursorAfter(q.Index, page.Items[q.Limit-1])
	}
	return page
}

func (s *Store) querySQL(q store.Query) (string, []any, error) {
	ix, ok := indexes[q.Index]
	if !ok {
		return "", nil, fmt.Errorf("%w: unknown index %q", store.ErrInvalid, q.Index)
	}
	if q.PK == "" || q.Limit < 0 || (q.Prefix != "" && (q.From != "" || q.To != "")) {
		return "", nil, fmt.Errorf("%w: query needs a partition, and a prefix or a range",
			store.ErrInvalid)
	}
	var b strings.Builder
	args := make([]any, 0, 8)
	b.WriteString("SELECT " + itemColumns + " FROM items WHERE " + ix.pk + " = ?")
	args = append(args, q.PK)
	args = bounds(&b, ix, q, args)
	args, err := after(&b, ix, q, args)
	if err != nil {
		return "", nil, err
	}
	b.WriteString(" AND " + alive)
	args = append(args, s.now().Unix())
	order(&b, ix, q.Backward)
	args = append(args, limit(q.Limit))
	return b.String(), args, nil
}

// bounds adds the prefix or the From/To range, both inclusive, as index range constraints. With
// a cursor, the bound on the side the query comes from is left to the cursor, which lies within
// the range: SQLite then seeks straight to the cursor instead of scanning from the bound.
func bounds(b *strings.Builder, ix indexCols, q store.Query, args []any) []any {
	from, to, toOp := q.From, q.To, " <= ?"
	if q.Prefix != "" {
		from, to, toOp = q.Prefix, "", " < ?"
		if next, ok := successor(q.Prefix); ok {
			to = next
		}
	}
	if q.Cursor != "" && !q.Backward {
		from = ""
	}
	if q.Cursor != "" && q.Backward {
		to = ""
	}
	if from != "" {
		b.WriteString(" AND " + ix.sk + " >= ?")
		args = append(args, from)
	}
	if to != "" {
		b.WriteString(" AND " + ix.sk + toOp)
		args = append(args, to)
	}
	return args
}

// successor is the least string greater than every string with the given prefix, in byte order;
// ok is false when there is none (the prefix is all 0xff bytes).
func successor(prefix string) (string, bool) {
	b := []byte(prefix)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

// after continues strictly after the cursor's position in the query's direction.
func after(b *strings.Builder, ix indexCols, q store.Query, args []any) ([]any, error) {
	if q.Cursor == "" {
		return args, nil
	}
	c, err := parseCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	op := " > "
	if q.Backward {
		op = " < "
	}
	if q.Index == store.Primary {
		b.WriteString(" AND sk" + op + "?")
		return append(args, c.SK), nil
	}
	b.WriteString(" AND (" + ix.order + ")" + op + "(?, ?, ?)")
	return append(args, c.IndexSK, c.PK, c.SK), nil
}

func order(b *strings.Builder, ix indexCols, backward bool) {
	b.WriteString(" ORDER BY ")
	if !backward {
		b.WriteString(ix.order)
	} else {
		b.WriteString(strings.ReplaceAll(ix.order, ",", " DESC,") + " DESC")
	}
	b.WriteString(" LIMIT ?")
}

// limit fetches one row more than asked, to learn whether more remain; -1 is no limit.
func limit(n int) int64 {
	if n == 0 {
		return -1
	}
	return int64(n) + 1
}

func (s *Store) queryStmt(ctx context.Context, text string) (*sqlStmt, error) {
	s.reads.mu.Lock()
	defer s.reads.mu.Unlock()
	if st, ok := s.reads.queries[text]; ok {
		return st, nil
	}
	st, err := s.rdb.PrepareContext(ctx, text)
	if err != nil {
		return nil, fmt.Errorf("prepare query: %w", err)
	}
	if s.reads.queries == nil {
		s.reads.queries = make(map[string]*sqlStmt)
	}
	s.reads.queries[text] = st
	return st, nil
}
