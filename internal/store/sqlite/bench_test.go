package sqlite_test

// Benchmarks of the engine beside a raw baseline of the same driver in the same run, as
// docs/performance.md reports them. Run with:
//
//	go test -run '^$' -bench . -benchtime 2s -count 3 ./internal/store/sqlite
//
// The raw baseline is a bare table (pk, sk, 200-byte body) in WAL mode with synchronous=FULL,
// through database/sql with prepared statements, as the engine uses its driver. The point select
// is measured with modernc.org/sqlite too, the driver the engine did not choose.

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/ncruces/go-sqlite3/driver"
	_ "modernc.org/sqlite"
)

// benchBody is a 200-byte body, the size the raw baseline stores too.
var benchBody = []byte(`{"d":"` + strings.Repeat("x", 192) + `"}`)

// The database/sql driver names of the two drivers: ncruces (the engine's) and modernc.
const (
	ncruces = "sqlite3"
	modernc = "sqlite"
)

// openRaw opens a bare table with the engine's durability settings: WAL and synchronous=FULL.
func openRaw(b *testing.B, conns int) *sql.DB { return openRawWith(b, ncruces, conns) }

func openRawWith(b *testing.B, driver string, conns int) *sql.DB {
	b.Helper()
	path := filepath.Join(b.TempDir(), "raw.db")
	db, err := sql.Open(driver, "file:"+path+"?_pragma=journal_mode(wal)&_pragma=synchronous(full)"+
		"&_pragma=busy_timeout(10000)")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	_, err = db.Exec(`CREATE TABLE t (pk TEXT NOT NULL, sk TEXT NOT NULL, body TEXT NOT NULL,
		PRIMARY KEY (pk, sk)) WITHOUT ROWID`)
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// spread runs n numbered operations on g goroutines and reports their rate as unit/s.
func spread(b *testing.B, g, n int, unit string, op func(i int) error) {
	b.Helper()
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	b.ResetTimer()
	for range g {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				if err := op(i); err != nil {
					failed.Store(err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), unit)
}

// BenchmarkRawCommit: single-row commits, one after the other.
func BenchmarkRawCommit(b *testing.B) {
	db := openRaw(b, 1)
	st, err := db.Prepare("INSERT INTO t VALUES (?, ?, ?)")
	if err != nil {
		b.Fatal(err)
	}
	spread(b, 1, b.N, "commits/s", func(i int) error {
		_, err := st.Exec("p", fmt.Sprintf("%012d", i), benchBody)
		return err
	})
}

// BenchmarkRawTx: rows inserted in transactions of 100 and of 1000 rows.
func BenchmarkRawTx(b *testing.B) {
	for _, size := range []int{100, 1000} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			db := openRaw(b, 1)
			st, err := db.Prepare("INSERT INTO t VALUES (?, ?, ?)")
			if err != nil {
				b.Fatal(err)
			}
			spread(b, 1, b.N, "tx/s", func(i int) error { return rawTx(db, st, i, size) })
			b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

func rawTx(db *sql.DB, st *sql.Stmt, n, size int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	txst := tx.Stmt(st)
	for j := range size {
		if _, err := txst.Exec("p", fmt.Sprintf("%012d", n*size+j), benchBody); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// benchKeys is how many items the point-read benchmarks read among.
const benchKeys = 10000

// BenchmarkRawPointSelect: point selects from 4 goroutines, the baseline of BenchmarkGet.
func BenchmarkRawPointSelect(b *testing.B) { rawPointSelect(b, ncruces) }

// BenchmarkRawPointSelectModernc is the same with modernc.org/sqlite, the driver not chosen.
func BenchmarkRawPointSelectModernc(b *testing.B) { rawPointSelect(b, modernc) }

func rawPointSelect(b *testing.B, driver string) {
	db := openRawWith(b, driver, 4)
	if err := rawTx(db, must(db.Prepare("INSERT INTO t VALUES (?, ?, ?)")), 0, benchKeys); err != nil {
		b.Fatal(err)
	}
	st := must(db.Prepare("SELECT body FROM t WHERE pk = ? AND sk = ?"))
	spread(b, 4, b.N, "selects/s", func(i int) error {
		var body []byte
		return st.QueryRow("p", fmt.Sprintf("%012d", i%benchKeys)).Scan(&body)
	})
}

func must(st *sql.Stmt, err error) *sql.Stmt {
	if err != nil {
		panic(err)
	}
	return st
}
