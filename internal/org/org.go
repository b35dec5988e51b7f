// Package org keeps organisations and their memberships: the one vendor organisation, created
// at the first start, the distributors and clients the vendor's staff create, the clients a
// distributor's staff create (managed by that distributor), and memberships (which user belongs
// to which organisation, with which role). It also says which organisations a user reaches
// (Reach): every one for the vendor's staff, a distributor and the clients it manages for the
// distributor's, and their own for a client's. Whether a user may do something there is package
// policy's decision, not this package's.
//
// Items:
//
//	type "org"         PK "org#<org_id>"  SK "org"                 body Org
//	                   GSI1 PK "orgs"         SK "<sort name>#<org_id>"
//	                   GSI2 PK "orgs#<kind>"  SK "<sort name>#<org_id>"
//	type "org_vendor"  PK "vendor"        SK "vendor"              body {org_id}
//	type "org_client"  PK "org#<dst_id>"  SK "client#<sort name>#<org_id>"  body {org_id}
//	type "membership"  PK "org#<org_id>"  SK "member#<usr_id>"     body Membership
//	                   GSI1 PK "member#<usr_id>"  SK "org#<org_id>"
//
// The vendor item, written with the vendor organisation on condition that it does not exist,
// makes the vendor organisation unique and finds it in one read. The sort name is the name in
// lower case with its spaces folded, so GSI1 lists every organisation by name, GSI2 those of
// one kind, and a prefix of either searches by the start of the name. A client managed by a
// distributor has an org_client item in the distributor's partition (the clients of a
// distributor by name: one query), moved in the same write as a rename or a change of
// distributor. A membership sits in its organisation's partition (the members of an
// organisation: one query) and in GSI1 under its user (the organisations of a user: one
// query). None of these types is streamed or expires.
package org

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/store"
)

// The item types.
const (
	ItemType       = "org"
	VendorType     = "org_vendor"
	ClientType     = "org_client"
	MembershipType = "membership"
)

// The kinds of organisation.
const (
	KindVendor      = "vendor"
	KindDistributor = "distributor"
	KindClient      = "client"
)

// The roles of a membership.
const (
	RoleAdmin  = "admin"
	RoleMember = "member"
)

// ErrNoVendor is returned by Vendor before the first start created the vendor organisation.
var ErrNoVendor = errors.New("org: no vendor organisation yet")

// Org is an organisation.
type Org struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind never changes.
	Kind string `json:"kind"`
	// DistributorID is the distributor that manages a client; "" for none.
	DistributorID string    `json:"distributor_id,omitempty"`
	BillingEmail  string    `json:"billing_email,omitempty"`
	Address       string    `json:"address,omitempty"`
	VATID         string    `json:"vat_id,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at,omitzero"`
	// Version rises with every change; a change is written on condition that it is unchanged.
	Version int64 `json:"version"`
}

// Key is the key of organisation id.
func Key(id string) store.Key { return store.Key{PK: "org#" + id, SK: "org"} }

var vendorKey = store.Key{PK: "vendor", SK: "vendor"}

// CreateVendorOps returns the operations that create o as the vendor organisation, audited
// (org.created); the write fails with store.ErrConflict when a vendor organisation exists.
func CreateVendorOps(ctx context.Context, o Org) ([]store.Op, error) {
	o.Kind, o.Version = KindVendor, 1
	orgItem, err := o.item()
	if err != nil {
		return nil, err
	}
	ptr, err := item(vendorKey, VendorType, map[string]string{"org_id": o.ID})
	if err != nil {
		return nil, err
	}
	e := audit.New(ctx, o.CreatedAt, audit.OrgCreated)
	e.OrgID, e.Target, e.Details = o.ID, o.ID, map[string]any{"name": o.Name, "kind": o.Kind}
	return appendEvent([]store.Op{store.Put(orgItem).When(store.IfNotExists()),
		store.Put(ptr).When(store.IfNotExists())}, e)
}

// Vendor returns the vendor organisation, or ErrNoVendor.
func Vendor(ctx context.Context, st store.Store) (Org, error) {
	it, err := st.Get(ctx, vendorKey)
	if errors.Is(err, store.ErrNotFound) {
		return Org{}, ErrNoVendor
	}
	if err != nil {
		return Org{}, fmt.Errorf("read vendor organisation: %w", err)
	}
	var ptr struct {
		OrgID string `json:"org_id"`
	}
	if err := it.Decode(&ptr); err != nil {
		return Org{}, fmt.Errorf("decode vendor organisation: %w", err)
	}
	return Get(ctx, st, ptr.OrgID)
}

// Get returns organisation id, or an error wrapping store.ErrNotFound.
func Get(ctx context.Context, st store.Store, id string) (Org, error) {
	var o Org
	if err := get(ctx, st, Key(id), &o); err != nil {
		return Org{}, fmt.Errorf("read organisation %s: %w", id, err)
	}
	return o, nil
}

func get(ctx context.Context, st store.Store, k store.Key, v any) error {
	it, err := st.Get(ctx, k)
	if err != nil {
		return err
	}
	return it.Decode(v)
}

func item(k store.Key, typ string, body any) (store.Item, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return store.Item{}, fmt.Errorf("encode %s: %w", typ, err)
	}
	return store.Item{Key: k, Type: typ, Body: raw}, nil
}
