package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/licensorhq/licensor/internal/terms"
)

type termsJSON struct {
	Version     int       `json:"version"`
	Text        string    `json:"text"`
	PublishedAt time.Time `json:"published_at"`
}

type publisherJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// termsVersionJSON is a version with its publisher; Text is left out of lists.
type termsVersionJSON struct {
	Version     int           `json:"version"`
	Text        *string       `json:"text,omitempty"`
	PublishedAt time.Time     `json:"published_at"`
	PublishedBy publisherJSON `json:"published_by"`
}

func termsVersionOf(v terms.Version, withText bool) termsVersionJSON {
	out := termsVersionJSON{Version: v.Number, PublishedAt: v.PublishedAt.UTC(),
		PublishedBy: publisherJSON{ID: v.PublishedBy, Name: v.PublisherName}}
	if withText {
		out.Text = &v.Text
	}
	return out
}

// currentTerms is public: the terms are read before signing up or in.
func (a *API) currentTerms(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	v, err := acc.Terms.Current(r.Context())
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, termsJSON{Version: v.Number, Text: v.Text,
		PublishedAt: v.PublishedAt.UTC()})
}

type publishRequest struct {
	Text string `json:"text"`
}

func (a *API) publishTerms(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	p, err := principal(r)
	if err != nil {
		return err
	}
	var req publishRequest
	if err := DecodeJSON(r, &req); err != nil {
		return err
	}
	v, err := acc.Terms.Publish(r.Context(), req.Text, p.User)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusCreated, termsVersionOf(v, true))
}

func (a *API) termsVersions(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	got, err := acc.Terms.List(r.Context(), pg.limit, pg.cursor)
	if err != nil {
		return listError(err)
	}
	out := listJSON[termsVersionJSON]{Items: []termsVersionJSON{}, NextCursor: got.Cursor}
	for _, v := range got.Versions {
		out.Items = append(out.Items, termsVersionOf(v, false))
	}
	return WriteJSON(w, http.StatusOK, out)
}

// versionOf reads the {version} of the path; a version that cannot exist is not found.
func versionOf(r *http.Request) (int, error) {
	n, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || n < 1 {
		return 0, terms.ErrNone
	}
	return n, nil
}

func (a *API) termsVersion(w http.ResponseWriter, r *http.Request) error {
	acc, err := a.accounts()
	if err != nil {
		return err
	}
	n, err := versionOf(r)
	if err != nil {
		return err
	}
	v, err := acc.Terms.Get(r.Context(), n)
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, termsVersionOf(v, true))
}
