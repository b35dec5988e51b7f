package metrics

import (
	"context"
	"io"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/sqlite"
)

// scrape reads the metrics as Prometheus would.
func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantLines(t *testing.T, text string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(text, "\n"+l+"\n") {
			t.Errorf("metrics lack %q", l)
		}
	}
}

func TestHTTPRequests(t *testing.T) {
	t.Parallel()
	m := New()
	m.ObserveRequest("GET /healthz", 200, 3*time.Millisecond)
	m.ObserveRequest("GET /healthz", 200, 7*time.Millisecond)
	m.ObserveRequest("/api/", 404, time.Millisecond)
	wantLines(t, scrape(t, m),
		`licensor_http_requests_total{route="GET /healthz",status="200"} 2`,
		`licensor_http_requests_total{route="/api/",status="404"} 1`,
		`licensor_http_request_duration_seconds_count{route="GET /healthz"} 2`,
		`licensor_http_request_duration_seconds_bucket{route="GET /healthz",le="0.005"} 1`,
		`licensor_http_request_duration_seconds_sum{route="GET /healthz"} 0.01`)
}

func TestFuncs(t *testing.T) {
	t.Parallel()
	m := New()
	depth := 4.0
	for _, err := range []error{
		m.FeedLag("usage", func() float64 { return 1.5 }),
		m.FeedLag("mail", func() float64 { return 0 }),
		m.FeedFailures("mail", func() float64 { return 2 }),
		m.OutboxDepth(func() float64 { return depth }),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := m.FeedLag("mail", func() float64 { return 0 }); err == nil {
		t.Error("a second gauge for the same consumer was registered")
	}
	wantLines(t, scrape(t, m),
		`licensor_feed_lag_seconds{consumer="usage"} 1.5`,
		`licensor_feed_lag_seconds{consumer="mail"} 0`,
		`licensor_feed_failures_total{consumer="mail"} 2`,
		`licensor_mail_outbox_depth 4`)
	depth = 0 // read at scrape time, not at registration
	wantLines(t, scrape(t, m), `licensor_mail_outbox_depth 0`)
}

// TestStoreOutcomes makes each outcome happen on a real SQLite store and reads it counted.
func TestStoreOutcomes(t *testing.T) {
	t.Parallel()
	m := New()
	ctx := context.Background()
	engine, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "store.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := Store(engine, m)
	k := store.Key{PK: "a", SK: "b"}
	if err := s.Write(ctx, store.Put(store.Item{Key: k, Body: []byte(`{}`)})); err != nil {
		t.Fatal(err)
	}
	_, _ = s.Get(ctx, k)                                  // ok
	_, _ = s.Get(ctx, store.Key{PK: "a", SK: "none"})     // not found
	_ = s.Write(ctx, store.Check(k, store.IfNotExists())) // conflict
	_ = s.Write(ctx)                                      // invalid: no operation
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	_, _ = s.Get(canceled, k) // canceled
	if err := engine.Close(); err != nil {
		t.Fatal(err)
	}
	_, _ = s.Get(ctx, k) // error: the store is closed
	wantLines(t, scrape(t, m),
		`licensor_store_operations_total{operation="get",outcome="ok"} 1`,
		`licensor_store_operations_total{operation="get",outcome="not_found"} 1`,
		`licensor_store_operations_total{operation="get",outcome="canceled"} 1`,
		`licensor_store_operations_total{operation="get",outcome="error"} 1`,
		`licensor_store_operations_total{operation="write",outcome="ok"} 1`,
		`licensor_store_operations_total{operation="write",outcome="conflict"} 1`,
		`licensor_store_operations_total{operation="write",outcome="invalid"} 1`,
		`licensor_store_operation_duration_seconds_count{operation="get"} 4`)
}
