package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/licensorhq/licensor/internal/store"
)

// List limits (DESIGN.md: default 50, at most 200).
const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// page is the limit and cursor of a list request.
type page struct {
	limit  int
	cursor string
}

// pageOf reads limit and cursor from r's query.
func pageOf(r *http.Request) (page, error) {
	q := r.URL.Query()
	p := page{limit: DefaultLimit, cursor: q.Get("cursor")}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxLimit {
			return page{}, Invalid(FieldError{Field: "limit",
				Message: "must be a whole number from 1 to 200"})
		}
		p.limit = n
	}
	return p, nil
}

// listError turns a store's refusal of a cursor into the client's fault.
func listError(err error) error {
	if errors.Is(err, store.ErrInvalid) {
		return Invalid(FieldError{Field: "cursor", Message: "is not a cursor of this list"})
	}
	return err
}

// listJSON is the answer of every list.
type listJSON[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}
