package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

type memberJSON struct {
	UserID   string    `json:"user_id"`
	Name     string    `json:"name"`
	Email    string    `json:"email"`
	Role     string    `json:"role"`
	JoinedAt time.Time `json:"joined_at"`
}

func (a *API) memberOf(r *http.Request, m org.Membership) (memberJSON, error) {
	u, err := account.Get(r.Context(), a.opts.Store, m.UserID)
	if errors.Is(err, store.ErrNotFound) {
		u = account.User{ID: m.UserID} // an account removed since; its membership remains
	} else if err != nil {
		return memberJSON{}, err
	}
	return memberJSON{UserID: m.UserID, Name: u.Name, Email: u.Email, Role: m.Role,
		JoinedAt: m.JoinedAt.UTC()}, nil
}

func (a *API) listMembers(w http.ResponseWriter, r *http.Request) error {
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	ms, cursor, err := org.MembersPage(r.Context(), a.opts.Store, r.PathValue("org"), pg.limit,
		pg.cursor)
	if err != nil {
		return listError(err)
	}
	out := listJSON[memberJSON]{Items: []memberJSON{}, NextCursor: cursor}
	for _, m := range ms {
		j, err := a.memberOf(r, m)
		if err != nil {
			return err
		}
		out.Items = append(out.Items, j)
	}
	return WriteJSON(w, http.StatusOK, out)
}

type roleRequest struct {
	Role string `json:"role"`
}

func (a *API) changeRole(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	var req roleRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	m, err := svc.Orgs.ChangeRole(r.Context(), p.User, r.PathValue("org"), r.PathValue("user"),
		req.Role)
	if err != nil {
		return err
	}
	j, err := a.memberOf(r, m)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, j)
}

func (a *API) removeMember(w http.ResponseWriter, r *http.Request) error {
	svc, err := a.orgs()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	if err := svc.Orgs.Remove(r.Context(), p.User, r.PathValue("org"),
		r.PathValue("user")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// userName returns the name of user id ("" for none or an account since removed), reading each
// user once per answer.
func (a *API) userName(r *http.Request, names map[string]string, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	if name, ok := names[id]; ok {
		return name, nil
	}
	u, err := account.Get(r.Context(), a.opts.Store, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	names[id] = u.Name
	return u.Name, nil
}
