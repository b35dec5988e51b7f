// Package org keeps organisations and their memberships. This first cut holds what accounts
// need: the one vendor organisation, created at the first start, and memberships (which user
// belongs to which organisation, with which role), listed per user for every request's
// principal. The organisations part extends it with distributors, clients and their rules.
//
// Items:
//
//	type "org"         PK "org#<org_id>"  SK "org"                 body Org
//	type "org_vendor"  PK "vendor"        SK "vendor"              body {org_id}
//	type "membership"  PK "org#<org_id>"  SK "member#<usr_id>"     body Membership
//	                   GSI1 PK "member#<usr_id>"  SK "org#<org_id>"
//
// The vendor item, written with the vendor organisation on condition that it does not exist,
// makes the vendor organisation unique and finds it in one read. A membership sits in its
// organisation's partition (the members of an organisation: one query) and in GSI1 under its
// user (the organisations of a user: one query). None of these types is streamed or expires.
package org

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// The item types.
const (
	ItemType       = "org"
	VendorType     = "org_vendor"
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
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	CreatedAt time.Time `json:"created_at"`
}

// Key is the key of organisation id.
func Key(id string) store.Key { return store.Key{PK: "org#" + id, SK: "org"} }

var vendorKey = store.Key{PK: "vendor", SK: "vendor"}

// CreateVendorOps returns the operations that create o as the vendor organisation; the write
// fails with store.ErrConflict when a vendor organisation exists.
func CreateVendorOps(o Org) ([]store.Op, error) {
	o.Kind = KindVendor
	orgItem, err := item(Key(o.ID), ItemType, o)
	if err != nil {
		return nil, err
	}
	ptr, err := item(vendorKey, VendorType, map[string]string{"org_id": o.ID})
	if err != nil {
		return nil, err
	}
	return []store.Op{store.Put(orgItem).When(store.IfNotExists()),
		store.Put(ptr).When(store.IfNotExists())}, nil
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
