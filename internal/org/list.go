package org

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/licensorhq/licensor/internal/store"
)

// Filter selects organisations from a list.
type Filter struct {
	// Search keeps the organisations whose name starts with it, case aside.
	Search string
	// Kind keeps one kind; "" keeps all.
	Kind   string
	Limit  int
	Cursor string
}

// Page is one page of a list.
type Page struct {
	Orgs []Org
	// Cursor continues the list; "" at its end.
	Cursor string
}

// entry is an organisation found by a source of the list, with its sort key.
type entry struct {
	key string
	id  string
	org *Org // nil until read
}

// highest sorts after every key that begins with valid UTF-8 text.
const highest = "\U0010FFFF"

// List returns the organisations the reach holds that f selects, by name. The cursor is the
// sort key of the last organisation returned, so a list merges its sources (the user's own
// organisations and the clients of their distributors) and resumes each after it.
func List(ctx context.Context, st store.Store, r Reach, f Filter) (Page, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	after, err := decodeCursor(f.Cursor)
	if err != nil {
		return Page{}, err
	}
	lo, hi := bounds(SortName(f.Search), after)
	var found []entry
	if r.All {
		found, err = listAll(ctx, st, f, lo, hi)
	} else {
		found, err = listReach(ctx, st, r, f, lo, hi)
	}
	if err != nil {
		return Page{}, err
	}
	return pageOf(ctx, st, found, f.Limit)
}

// bounds is the range of sort keys of a list: those beginning with prefix, after the cursor.
func bounds(prefix, after string) (lo, hi string) {
	lo, hi = prefix, prefix+highest
	if after != "" && after >= lo {
		lo = after + "\x00" // the least key above after
	}
	return lo, hi
}

// listAll reads the list of every organisation, or of one kind, for the vendor's staff.
func listAll(ctx context.Context, st store.Store, f Filter, lo, hi string) ([]entry, error) {
	q := store.Query{Index: store.GSI1, PK: allPK, From: lo, To: hi, Limit: f.Limit + 1}
	if f.Kind != "" {
		q.Index, q.PK = store.GSI2, kindPK+f.Kind
	}
	page, err := st.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	out := make([]entry, 0, len(page.Items))
	for _, it := range page.Items {
		var o Org
		if err := it.Decode(&o); err != nil {
			return nil, fmt.Errorf("decode organisation %s: %w", it.PK, err)
		}
		out = append(out, entry{key: o.sortKey(), id: o.ID, org: &o})
	}
	return out, nil
}

// listReach reads the user's own organisations and their distributors' clients.
func listReach(ctx context.Context, st store.Store, r Reach, f Filter, lo, hi string) (
	[]entry, error) {
	var out []entry
	for _, m := range r.Own {
		o, err := Get(ctx, st, m.OrgID)
		if err != nil {
			return nil, err
		}
		if k := o.sortKey(); k >= lo && k <= hi && (f.Kind == "" || f.Kind == o.Kind) {
			out = append(out, entry{key: k, id: o.ID, org: &o})
		}
	}
	if f.Kind != "" && f.Kind != KindClient {
		return out, nil
	}
	for _, d := range r.Distributors {
		page, err := st.Query(ctx, store.Query{PK: "org#" + d, From: "client#" + lo,
			To: "client#" + hi, Limit: f.Limit + 1})
		if err != nil {
			return nil, fmt.Errorf("list clients of %s: %w", d, err)
		}
		for _, it := range page.Items {
			out = append(out, entry{key: strings.TrimPrefix(it.SK, "client#"), id: clientID(it)})
		}
	}
	return out, nil
}

// pageOf sorts what the sources found, drops repeats, keeps limit and reads the rest.
func pageOf(ctx context.Context, st store.Store, found []entry, limit int) (Page, error) {
	slices.SortFunc(found, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	found = slices.CompactFunc(found, func(a, b entry) bool { return a.id == b.id })
	var p Page
	if len(found) > limit {
		found = found[:limit]
		p.Cursor = base64.RawURLEncoding.EncodeToString([]byte(found[limit-1].key))
	}
	p.Orgs = make([]Org, 0, len(found))
	for _, e := range found {
		if e.org == nil {
			o, err := Get(ctx, st, e.id)
			if err != nil {
				return Page{}, err
			}
			e.org = &o
		}
		p.Orgs = append(p.Orgs, *e.org)
	}
	return p, nil
}

func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", fmt.Errorf("organisation list cursor: %w", store.ErrInvalid)
	}
	return string(b), nil
}
