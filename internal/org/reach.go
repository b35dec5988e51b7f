package org

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/licensorhq/licensor/internal/store"
)

// Reach is which organisations a user reaches (DESIGN.md, "Who may do what"): a member of the
// vendor organisation reaches every organisation; a member of a distributor reaches it and the
// clients it manages; a member of a client reaches that client. It is computed from the user's
// memberships, which the principal of every request carries, freshly read.
type Reach struct {
	// All is set for the vendor's staff.
	All bool
	// Own are the user's memberships.
	Own []Membership
	// Distributors are the distributors the user is a member of.
	Distributors []string
}

// ReachOf returns the reach of a user with memberships ms.
func ReachOf(ms []Membership) Reach {
	r := Reach{Own: ms}
	for _, m := range ms {
		switch m.OrgKind {
		case KindVendor:
			r.All = true
		case KindDistributor:
			r.Distributors = append(r.Distributors, m.OrgID)
		}
	}
	return r
}

// Reaches reports whether the reach holds o.
func (r Reach) Reaches(o Org) bool {
	return r.All || r.isMember(o.ID) ||
		(o.DistributorID != "" && slices.Contains(r.Distributors, o.DistributorID))
}

func (r Reach) isMember(orgID string) bool {
	return slices.ContainsFunc(r.Own, func(m Membership) bool { return m.OrgID == orgID })
}

// OrgIDs returns the ids of every organisation the reach holds, for lists of other kinds of
// item (licenses, invoices) over all of them; all is true instead for the vendor's staff, for
// whom the caller lists everything. The ids are read from the distributors' lists of clients.
func (r Reach) OrgIDs(ctx context.Context, st store.Store) (ids []string, all bool, err error) {
	if r.All {
		return nil, true, nil
	}
	seen := map[string]bool{}
	for _, m := range r.Own {
		seen[m.OrgID] = true
	}
	for _, d := range r.Distributors {
		page, err := st.Query(ctx, store.Query{PK: "org#" + d, Prefix: "client#"})
		if err != nil {
			return nil, false, fmt.Errorf("list clients of %s: %w", d, err)
		}
		for _, it := range page.Items {
			seen[clientID(it)] = true
		}
	}
	for id := range seen {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, false, nil
}

// clientID is the organisation id of a distributor's client item, which ends its sort key.
func clientID(it store.Item) string {
	return it.SK[strings.LastIndexByte(it.SK, '#')+1:]
}
