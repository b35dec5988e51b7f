package org

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// Membership says that a user belongs to an organisation with a role.
type Membership struct {
	OrgID  string `json:"org_id"`
	UserID string `json:"user_id"`
	Role   string `json:"role"`
	// OrgKind is copied from the organisation, whose kind never changes, so that a principal's
	// memberships say which one is the vendor's without reading the organisations.
	OrgKind  string    `json:"org_kind"`
	JoinedAt time.Time `json:"joined_at"`
}

// MembershipKey is the key of user's membership of org.
func MembershipKey(orgID, userID string) store.Key {
	return store.Key{PK: "org#" + orgID, SK: "member#" + userID}
}

// AddMemberOp returns the put of m, which fails with store.ErrConflict when the user is already
// a member.
func AddMemberOp(m Membership) (store.Op, error) {
	it, err := item(MembershipKey(m.OrgID, m.UserID), MembershipType, m)
	if err != nil {
		return store.Op{}, err
	}
	it.GSI1 = store.IndexKey{PK: "member#" + m.UserID, SK: "org#" + m.OrgID}
	return store.Put(it).When(store.IfNotExists()), nil
}

// maxMemberships bounds the organisations read for one user; a person belongs to a handful.
const maxMemberships = 200

// MembershipsOf returns the memberships of user, in the order of their organisations' ids.
//
// The user's memberships are found through GSI1, which DynamoDB serves eventually consistent;
// each one found is then read again where it is kept, consistently, so that a member removed
// or demoted a moment ago loses that access at the next request on every engine. (A membership
// added a moment ago may be missed for as long as the index lags: a join, not a loss of
// access.) It costs one Get per membership, and a person belongs to a handful.
func MembershipsOf(ctx context.Context, st store.Store, userID string) ([]Membership, error) {
	page, err := st.Query(ctx, store.Query{Index: store.GSI1, PK: "member#" + userID,
		Limit: maxMemberships})
	if err != nil {
		return nil, fmt.Errorf("list memberships of %s: %w", userID, err)
	}
	out := make([]Membership, 0, len(page.Items))
	for _, listed := range page.Items {
		it, err := st.Get(ctx, listed.Key)
		if errors.Is(err, store.ErrNotFound) {
			continue // removed since the index was written
		}
		if err != nil {
			return nil, fmt.Errorf("read membership %s of %s: %w", listed.PK, userID, err)
		}
		var m Membership
		if err := it.Decode(&m); err != nil {
			return nil, fmt.Errorf("decode membership %s: %w", it.SK, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// Members returns the memberships of organisation orgID (at most limit, 0 for all).
func Members(ctx context.Context, st store.Store, orgID string, limit int) ([]Membership, error) {
	page, err := st.Query(ctx, store.Query{PK: "org#" + orgID, Prefix: "member#", Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("list members of %s: %w", orgID, err)
	}
	out := make([]Membership, 0, len(page.Items))
	for _, it := range page.Items {
		var m Membership
		if err := it.Decode(&m); err != nil {
			return nil, fmt.Errorf("decode membership %s: %w", it.SK, err)
		}
		out = append(out, m)
	}
	return out, nil
}
