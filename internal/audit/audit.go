// Package audit keeps the append-only log of what was done, by whom, from where: sign-ins and
// their failures, password and address changes, terms published and accepted, accounts created,
// refused authorizations. Events hold no secret (no password, token, key or session id).
//
// An event that records a change is written in the same atomic write as the change (Op), so the
// log has an event exactly when the change was committed. Events about attempts that change
// nothing (a failed sign-in, a refused authorization) are written on their own (Record).
//
// Items, of type "audit_event" (not streamed, never expiring):
//
//	PK "audit#<org_id>"  SK "<evt_id>"   GSI1 PK "audit"  SK "<evt_id>"
//
// <org_id> is the organisation the event concerns, or "global" for events about no organisation
// (sign-ins, the user's own account). Event ids are time-ordered, so a query of one partition,
// backward, is an organisation's log newest first, and GSI1's single partition is every event
// newest first (the vendor's view).
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/store"
)

// ItemType is the type of event items.
const ItemType = "audit_event"

// Outcome says how the action ended.
type Outcome string

// The outcomes.
const (
	Success Outcome = "success" // done
	Failure Outcome = "failure" // attempted and failed (a wrong password)
	Denied  Outcome = "denied"  // refused by the policy
)

// Event is one entry of the log.
type Event struct {
	ID      string    `json:"id"`
	At      time.Time `json:"at"`
	Action  string    `json:"action"`
	Outcome Outcome   `json:"outcome"`
	// Actor is the acting user (usr_...) or, later, license key; "" when unknown (a failed
	// sign-in).
	Actor string `json:"actor,omitempty"`
	// OrgID is the organisation the event concerns; "" for none.
	OrgID     string `json:"org_id,omitempty"`
	Target    string `json:"target,omitempty"`
	RequestID string `json:"request_id,omitempty"`
	IP        string `json:"ip,omitempty"`
	// Details hold what else matters (before and after of a change); never a secret.
	Details map[string]any `json:"details,omitempty"`
}

// globalPK is the partition of events that concern no organisation.
const globalPK = "audit#global"

// allPK is the GSI1 partition of every event.
const allPK = "audit"

// New returns a successful event of action at time at, with the origin that ctx carries.
func New(ctx context.Context, at time.Time, action string) Event {
	o := OriginFrom(ctx)
	return Event{ID: id.New(id.Event, at), At: at.UTC(), Action: action, Outcome: Success,
		Actor: o.Actor, RequestID: o.RequestID, IP: o.IP}
}

// Item returns the store item of e.
func (e Event) Item() (store.Item, error) {
	body, err := json.Marshal(e)
	if err != nil {
		return store.Item{}, fmt.Errorf("encode audit event %s: %w", e.Action, err)
	}
	pk := globalPK
	if e.OrgID != "" {
		pk = "audit#" + e.OrgID
	}
	return store.Item{Key: store.Key{PK: pk, SK: e.ID}, Type: ItemType,
		GSI1: store.IndexKey{PK: allPK, SK: e.ID}, Body: body}, nil
}

// Op returns the put of e, for the atomic write of the change it records.
func (e Event) Op() (store.Op, error) {
	it, err := e.Item()
	if err != nil {
		return store.Op{}, err
	}
	return store.Put(it).When(store.IfNotExists()), nil
}

// Record writes e on its own: for attempts that change nothing.
func Record(ctx context.Context, st store.Store, e Event) error {
	op, err := e.Op()
	if err != nil {
		return err
	}
	if err := st.Write(ctx, op); err != nil {
		return fmt.Errorf("record audit event %s: %w", e.Action, err)
	}
	return nil
}
