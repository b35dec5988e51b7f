package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

type eventJSON struct {
	ID        string    `json:"id"`
	At        time.Time `json:"at"`
	Action    string    `json:"action"`
	Outcome   string    `json:"outcome"`
	Actor     string    `json:"actor"`
	ActorName string    `json:"actor_name"`
	OrgID     string    `json:"org_id"`
	Target    string    `json:"target"`
	// TargetName names a target that is a user or an organisation; "" for other targets.
	TargetName string         `json:"target_name"`
	RequestID  string         `json:"request_id"`
	IP         string         `json:"ip"`
	Details    map[string]any `json:"details"`
}

// orgEvents is an organisation's log: the policy gave the caller OrgAudit on it.
func (a *API) orgEvents(w http.ResponseWriter, r *http.Request) error {
	return a.events(w, r, r.PathValue("org"))
}

// allEvents is every event, for the vendor's staff.
func (a *API) allEvents(w http.ResponseWriter, r *http.Request) error {
	return a.events(w, r, "")
}

func (a *API) events(w http.ResponseWriter, r *http.Request, orgID string) error {
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	got, err := audit.List(r.Context(), a.opts.Store, audit.Filter{OrgID: orgID,
		Action: r.URL.Query().Get("action"), Limit: pg.limit, Cursor: pg.cursor})
	if err != nil {
		return listError(err)
	}
	out := listJSON[eventJSON]{Items: []eventJSON{}, NextCursor: got.Cursor}
	names := map[string]string{}
	for _, e := range got.Events {
		j := eventJSON{ID: e.ID, At: e.At.UTC(), Action: e.Action, Outcome: string(e.Outcome),
			Actor: e.Actor, OrgID: e.OrgID, Target: e.Target, RequestID: e.RequestID, IP: e.IP,
			Details: e.Details}
		if j.ActorName, err = a.userName(r, names, e.Actor); err != nil {
			return err
		}
		if j.TargetName, err = a.targetName(r, names, e.Target); err != nil {
			return err
		}
		out.Items = append(out.Items, j)
	}
	return WriteJSON(w, http.StatusOK, out)
}

// targetName is the name of an event's target when it is a user or an organisation, read once
// per list (names caches them by id); "" for other targets and for those gone.
func (a *API) targetName(r *http.Request, names map[string]string, target string) (string,
	error) {
	switch {
	case id.Valid(id.User, target):
		return a.userName(r, names, target)
	case id.Valid(id.Org, target):
		return a.orgName(r, names, target)
	}
	return "", nil
}

// orgName is the name of organisation orgID, "" when it is gone.
func (a *API) orgName(r *http.Request, names map[string]string, orgID string) (string, error) {
	if name, ok := names[orgID]; ok {
		return name, nil
	}
	o, err := org.Get(r.Context(), a.opts.Store, orgID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	names[orgID] = o.Name
	return o.Name, nil
}
