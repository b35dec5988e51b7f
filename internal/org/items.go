package org

import (
	"strings"

	"github.com/licensorhq/licensor/internal/store"
)

// The index partitions of organisations.
const (
	allPK  = "orgs"
	kindPK = "orgs#"
)

// SortName is name as the lists order and search it: in lower case, its spaces folded to one.
func SortName(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// sortKey is o's sort key in the lists: its sort name, then its id, which keeps keys unique.
func (o Org) sortKey() string { return SortName(o.Name) + "#" + o.ID }

// item is o's store item, placed in the lists of every organisation and of its kind.
func (o Org) item() (store.Item, error) {
	it, err := item(Key(o.ID), ItemType, o)
	if err != nil {
		return store.Item{}, err
	}
	it.GSI1 = store.IndexKey{PK: allPK, SK: o.sortKey()}
	it.GSI2 = store.IndexKey{PK: kindPK + o.Kind, SK: o.sortKey()}
	return it, nil
}

// clientKey is the key of client o's item in its distributor's partition.
func (o Org) clientKey() store.Key {
	return store.Key{PK: "org#" + o.DistributorID, SK: "client#" + o.sortKey()}
}

// clientOp returns the put of o's item in its distributor's list of clients.
func (o Org) clientOp() (store.Op, error) {
	it, err := item(o.clientKey(), ClientType, map[string]string{"org_id": o.ID})
	if err != nil {
		return store.Op{}, err
	}
	return store.Put(it), nil
}

// saveOps returns the operations that write o as changed from was (the version read): the
// organisation on condition that its version is unchanged, and its place in its distributor's
// list of clients, moved when its name or distributor changed.
func saveOps(was, o Org) ([]store.Op, error) {
	o.Version = was.Version + 1
	it, err := o.item()
	if err != nil {
		return nil, err
	}
	cond := store.IfField("version", store.Eq, was.Version)
	if was.Version == 0 {
		cond = store.IfExists() // an organisation written before versions were kept
	}
	ops := []store.Op{store.Put(it).When(cond)}
	if was.DistributorID != "" && was.clientKey() != o.clientKey() {
		ops = append(ops, store.Delete(was.clientKey()))
	}
	if o.DistributorID != "" && was.clientKey() != o.clientKey() {
		put, err := o.clientOp()
		if err != nil {
			return nil, err
		}
		ops = append(ops, put)
	}
	return ops, nil
}
