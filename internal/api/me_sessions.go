package api

import (
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/session"
)

type sessionJSON struct {
	ID         string    `json:"id"`
	Browser    string    `json:"browser"`
	IP         string    `json:"ip"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	Current    bool      `json:"current"`
}

func sessionOf(s session.Session, current string) sessionJSON {
	return sessionJSON{ID: s.ID, Browser: s.Browser, IP: s.IP, CreatedAt: s.CreatedAt.UTC(),
		LastSeenAt: s.LastSeenAt.UTC(), Current: s.ID == current}
}

func (a *API) listSessions(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	got, err := acc.Accounts.Sessions().List(r.Context(), p.User.ID, p.User.SessionGen,
		pg.limit, pg.cursor)
	if err != nil {
		return listError(err)
	}
	out := listJSON[sessionJSON]{Items: []sessionJSON{}, NextCursor: got.Cursor}
	for _, s := range got.Sessions {
		out.Items = append(out.Items, sessionOf(s, p.Session.ID))
	}
	return WriteJSON(w, http.StatusOK, out)
}

// endSession ends one of the user's sessions; ending the current one signs out.
func (a *API) endSession(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	sid := r.PathValue("id")
	if !id.Valid(id.Session, sid) {
		return session.ErrNoSession
	}
	if err := acc.Accounts.EndSession(r.Context(), p.User, sid); err != nil {
		return err
	}
	if sid == p.Session.ID {
		acc.Cookie.Clear(w)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) endOtherSessions(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	if err := acc.Accounts.EndOtherSessions(r.Context(), p.User, p.Session); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
