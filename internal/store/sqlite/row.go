package sqlite

import (
	"time"

	"github.com/licensorhq/licensor/internal/store"
)

// itemColumns are the columns scanRow reads, in its order. NULL index keys and expiry read as
// empty, so that rows scan into plain strings and integers without sql.Null wrappers.
const itemColumns = `pk, sk, type, coalesce(gsi1pk, ''), coalesce(gsi1sk, ''),
	coalesce(gsi2pk, ''), coalesce(gsi2sk, ''), coalesce(expires_at, 0), body`

// scanner is a *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// scanRow reads one row of itemColumns into an item.
func scanRow(r scanner) (store.Item, error) {
	var it store.Item
	var exp int64
	var body []byte
	err := r.Scan(&it.PK, &it.SK, &it.Type, &it.GSI1.PK, &it.GSI1.SK, &it.GSI2.PK, &it.GSI2.SK,
		&exp, &body)
	if err != nil {
		return store.Item{}, err
	}
	return withValue(it, exp, body), nil
}

// scanValue reads a row of the columns after the key (as getSQL selects them) into an item
// without its key.
func scanValue(r scanner) (store.Item, error) {
	var it store.Item
	var exp int64
	var body []byte
	err := r.Scan(&it.Type, &it.GSI1.PK, &it.GSI1.SK, &it.GSI2.PK, &it.GSI2.SK, &exp, &body)
	if err != nil {
		return store.Item{}, err
	}
	return withValue(it, exp, body), nil
}

func withValue(it store.Item, exp int64, body []byte) store.Item {
	if exp != 0 {
		it.ExpiresAt = time.Unix(exp, 0).UTC()
	}
	it.Body = body
	return it
}

// rowArgs are an item's values for the columns of the put statement, in order.
func rowArgs(it store.Item) []any {
	return []any{it.PK, it.SK, it.Type, nullable(it.GSI1.PK), nullable(it.GSI1.SK),
		nullable(it.GSI2.PK), nullable(it.GSI2.SK), expiry(it.ExpiresAt), bodyText(it.Body)}
}

// nullable stores an empty index key as NULL, which keeps the item out of the partial index.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// expiry is the stored form of an expiry: unix seconds, as DynamoDB's TTL keeps it, or NULL.
func expiry(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// bodyText stores an absent body as an empty object, so every stored body is a JSON object.
func bodyText(b []byte) string {
	if len(b) == 0 {
		return "{}"
	}
	return string(b)
}

// alive is the SQL test that keeps rows that have not expired at the unix second bound to it. An
// item expires at the start of its second: it is gone when now >= expires_at.
const alive = `(expires_at IS NULL OR expires_at > ?)`
