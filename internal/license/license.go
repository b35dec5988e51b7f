// Package license keeps the licenses of organisations and their keys, and answers the licensed
// software's validation requests.
//
// A license belongs to one organisation (a client, or a distributor): a name, the prepaid cores
// and their price, the agreed price of each extra core, a currency, a first day and an optional
// last day (both UTC dates, inclusive), and a status (active or suspended). Its key (package
// licensekey) is shown once, in the answer that created it; the store keeps only its HMAC
// digest, under a secret the server keeps apart from the store, and its last 4 characters.
//
// Validation is the hot path: the licensed software calls it at every start and often after. It
// costs one store Get, by the key's digest, of a validation record that holds everything the
// answer needs. Every write that changes a license writes its validation record in the same
// atomic write, so the record is never older than its license; a regenerated key's old record is
// deleted in the write that creates the new one, so the old key fails on its next use.
//
// Suspension has two sources: a license's own status, and its organisation's suspension (all of
// an organisation's licenses suspended and reinstated in one action). A license is effectively
// suspended when either holds; reinstating the organisation leaves a license suspended on its
// own suspended.
//
// The organisation's name is copied into each license and its validation record, so that
// validation needs no other read. A license is created on condition that its organisation is
// unchanged since it was read; a rename is copied into the organisation's licenses afterwards
// by the change-feed consumer OrgNames, a moment after it commits.
//
// Items (no type is streamed or expires):
//
//	type "license"         PK "license#<lic_id>"      SK "license"     body License
//	                       GSI1 PK "org_licenses#<org_id>"  SK "<lic_id>"
//	type "license_key"     PK "license_key#<digest>"  SK "license_key" body Record
//	type "license_org"     PK "license_org#<org_id>"  SK "suspension"  body OrgSuspension
//	type "license_ref"     PK "license_org#<org_id>"  SK "license#<lic_id>"  body {license_id}
//
// A license is read by id with a consistent Get. The licenses of an organisation are listed
// for people (List) by one query of GSI1, eventually consistent on DynamoDB, oldest first, as
// ids are time-ordered; the changes that must reach every one of them (suspension, renames)
// list the license_ref items of the organisation's own partition, strongly consistent, and read
// each license by Get. Every change of a license is conditioned on its version, so no change
// overwrites another.
//
// On the SQLite engine, `licensor serve` keeps validation records in memory (package
// readcache, keys recognised by IsRecordKey): there, validation reads no store at all after
// a key's first use, and every write of a record evicts it.
package license

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// The item types.
const (
	ItemType       = "license"
	KeyType        = "license_key"
	SuspensionType = "license_org"
)

// The statuses of a license.
const (
	StatusActive    = "active"
	StatusSuspended = "suspended"
)

// The audit actions of licenses.
const (
	ActionCreated        = "license.created"
	ActionUpdated        = "license.updated"
	ActionSuspended      = "license.suspended"
	ActionReinstated     = "license.reinstated"
	ActionKeyRegenerated = "license.key_regenerated"
	ActionOrgSuspended   = "org.licenses_suspended"
	ActionOrgReinstated  = "org.licenses_reinstated"
)

// DateLayout is the form of the first and last days of a license.
const DateLayout = time.DateOnly

// License is one license, as stored.
type License struct {
	ID      string `json:"id"`
	OrgID   string `json:"org_id"`
	OrgName string `json:"org_name"`
	Name    string `json:"name"`
	// PrepaidCores are included in the base price.
	PrepaidCores int64 `json:"prepaid_cores"`
	// CorePrice and ExtraCorePrice are in the currency's minor unit (cents).
	CorePrice      int64  `json:"core_price"`
	ExtraCorePrice int64  `json:"extra_core_price"`
	Currency       string `json:"currency"`
	// StartsOn and EndsOn are UTC dates (DateLayout), both inclusive; EndsOn "" has no end.
	StartsOn string `json:"starts_on"`
	EndsOn   string `json:"ends_on,omitempty"`
	// Status is the license's own status; OrgSuspended says that its organisation's licenses
	// are suspended. Effective combines them.
	Status       string `json:"status"`
	OrgSuspended bool   `json:"org_suspended,omitempty"`
	// KeyDigest is the HMAC of the current key (never the key); KeyLast4 its end, for display.
	KeyDigest string    `json:"key_digest"`
	KeyLast4  string    `json:"key_last4"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Version   int64     `json:"version"`
}

// Effective is the status validation answers: suspended when the license or its organisation's
// licenses are suspended.
func (l License) Effective() string {
	if l.OrgSuspended {
		return StatusSuspended
	}
	return l.Status
}

// Key is the key of license id.
func Key(id string) store.Key { return store.Key{PK: "license#" + id, SK: "license"} }

// The key of a validation record: the prefix of its partition, and its sort key.
const (
	recordPrefix = "license_key#"
	recordSK     = "license_key"
)

// RecordKey is the key of the validation record of the key with digest.
func RecordKey(digest string) store.Key {
	return store.Key{PK: recordPrefix + digest, SK: recordSK}
}

// IsRecordKey reports whether k is the key of a validation record (RecordKey).
func IsRecordKey(k store.Key) bool {
	return k.SK == recordSK && strings.HasPrefix(k.PK, recordPrefix)
}

func orgIndexPK(orgID string) string { return "org_licenses#" + orgID }

// item is l's store item.
func (l License) item() (store.Item, error) {
	it, err := encode(Key(l.ID), ItemType, l)
	it.GSI1 = store.IndexKey{PK: orgIndexPK(l.OrgID), SK: l.ID}
	return it, err
}

func encode(k store.Key, typ string, body any) (store.Item, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return store.Item{}, fmt.Errorf("encode %s: %w", typ, err)
	}
	return store.Item{Key: k, Type: typ, Body: raw}, nil
}

// putOps returns the puts of l and of its validation record, l conditioned on the version the
// change started from (0: l is new).
func (l License) putOps(fromVersion int64) ([]store.Op, error) {
	it, err := l.item()
	if err != nil {
		return nil, err
	}
	cond := store.IfNotExists()
	if fromVersion > 0 {
		cond = store.IfField("version", store.Eq, fromVersion)
	}
	rec, err := recordOp(l)
	if err != nil {
		return nil, err
	}
	return []store.Op{store.Put(it).When(cond), rec}, nil
}

// recordOp returns the update that writes l's validation record. An update, not a put: it sets
// the fields of Record and leaves alone any other field a later part keeps in the item.
func recordOp(l License) (store.Op, error) {
	raw, err := json.Marshal(recordOf(l))
	if err != nil {
		return store.Op{}, fmt.Errorf("encode %s: %w", KeyType, err)
	}
	var set map[string]any
	if err := json.Unmarshal(raw, &set); err != nil {
		return store.Op{}, fmt.Errorf("encode %s: %w", KeyType, err)
	}
	if l.EndsOn == "" {
		set["ends_on"] = nil // an end date removed by an update
	}
	return store.Update(RecordKey(l.KeyDigest), set, nil).WithType(KeyType), nil
}
