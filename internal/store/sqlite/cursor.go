package sqlite

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/licensorhq/licensor/internal/store"
)

// cursor is where a page ended: the last item's sort key in the queried index and its primary
// key, which together order items uniquely in every index. Keyset cursors stay valid whatever is
// written meanwhile: the next page starts strictly after this position.
type cursor struct {
	IndexSK string `json:"i,omitempty"`
	PK      string `json:"p"`
	SK      string `json:"s"`
}

func cursorAfter(ix store.Index, it store.Item) string {
	c := cursor{PK: it.PK, SK: it.SK}
	switch ix {
	case store.GSI1:
		c.IndexSK = it.GSI1.SK
	case store.GSI2:
		c.IndexSK = it.GSI2.SK
	}
	b, _ := json.Marshal(c) // strings only: cannot fail
	return base64.RawURLEncoding.EncodeToString(b)
}

func parseCursor(s string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		return cursor{}, fmt.Errorf("%w: malformed cursor", store.ErrInvalid)
	}
	return c, nil
}
