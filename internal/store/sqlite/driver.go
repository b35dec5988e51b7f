package sqlite

import (
	"net/url"

	// The ncruces driver won the measurement recorded in docs/performance.md; it needs no cgo.
	_ "github.com/ncruces/go-sqlite3/driver"
)

// driverName is the database/sql driver the engine opens its connections with.
const driverName = "sqlite3"

// dsn is the data source name of a connection to the file at path. Every connection waits for
// locks instead of failing at once; readers are query_only so that no code path can write
// through them.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(full)")
	q.Add("_pragma", "foreign_keys(off)")
	// A page cache large enough that a batch's changed pages stay in memory until the commit,
	// instead of spilling to the WAL midway (SQLite's default is 2 MiB).
	q.Add("_pragma", "cache_size(-65536)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	}
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}
