package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/licensorhq/licensor/client"
)

const validBody = `{"valid":false,"code":"SUSPENDED","license":{"id":"lic_1","status":"suspended"}}`

// server answers each request with the next of answers (a status and a body), the last one
// again once they run out, and counts the requests.
func server(t *testing.T, answers ...func(w http.ResponseWriter, r *http.Request)) (
	*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if r.Method != "POST" || r.URL.Path != "/api/v1/license/validate" ||
			r.Header.Get("Authorization") != "License the-key" {
			t.Errorf("request %s %s, Authorization %q", r.Method, r.URL.Path,
				r.Header.Get("Authorization"))
		}
		answers[min(i, len(answers)-1)](w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func reply(status int, body string, headers ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}
}

func fast(url string) *client.Client {
	c := client.New(url, "the-key")
	c.Backoff, c.MaxBackoff = time.Millisecond, 2*time.Millisecond
	return c
}

func TestValidateNotValid(t *testing.T) {
	t.Parallel()
	srv, n := server(t, reply(200, validBody))
	v, err := fast(srv.URL).Validate(t.Context())
	if err != nil || v.Valid || v.Code != client.Suspended || v.License.ID != "lic_1" || n.Load() != 1 {
		t.Errorf("Validate = %+v, %v after %d requests", v, err, n.Load())
	}
}

func TestValidateRetriesServerErrors(t *testing.T) {
	t.Parallel()
	srv, n := server(t, reply(503, `{"code":"unavailable"}`), reply(500, "oops"), reply(200, validBody))
	v, err := fast(srv.URL).Validate(t.Context())
	if err != nil || v.Code != client.Suspended || n.Load() != 3 {
		t.Errorf("Validate = %+v, %v after %d requests; want success at the third", v, err, n.Load())
	}
}

// TestValidateWaitsRetryAfter: a 503 that says when to come back is retried no sooner, within
// MaxBackoff.
func TestValidateWaitsRetryAfter(t *testing.T) {
	t.Parallel()
	srv, n := server(t, reply(503, `{"code":"unavailable"}`, "Retry-After", "1"),
		reply(200, validBody))
	c := fast(srv.URL)
	c.MaxBackoff = 10 * time.Second
	start := time.Now()
	v, err := c.Validate(t.Context())
	if err != nil || v.Code != client.Suspended || n.Load() != 2 {
		t.Fatalf("Validate = %+v, %v after %d requests; want success at the second", v, err,
			n.Load())
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("retried after %v, before the Retry-After of 1 s", waited)
	}
}

func TestValidateGivesUp(t *testing.T) {
	t.Parallel()
	srv, n := server(t, reply(502, "bad gateway"))
	c := fast(srv.URL)
	c.Attempts = 3
	_, err := c.Validate(t.Context())
	var e *client.Error
	if !errors.As(err, &e) || e.Status != 502 || n.Load() != 3 {
		t.Errorf("Validate: %v after %d requests; want the 502 after 3", err, n.Load())
	}
}

func TestValidateDoesNotRetryRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		answer func(http.ResponseWriter, *http.Request)
		is     error
		retry  time.Duration
	}{
		{"invalid_key", reply(401, `{"code":"invalid_license_key","detail":"no","request_id":"req_1"}`),
			client.ErrInvalidKey, 0},
		{"rate_limited", reply(429, `{"code":"rate_limited"}`, "Retry-After", "30"),
			client.ErrRateLimited, 30 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, n := server(t, tt.answer)
			_, err := fast(srv.URL).Validate(t.Context())
			var e *client.Error
			if !errors.Is(err, tt.is) || !errors.As(err, &e) || e.RetryAfter != tt.retry ||
				n.Load() != 1 {
				t.Errorf("Validate: %v (%+v) after %d requests", err, e, n.Load())
			}
		})
	}
}

func TestValidateRetriesNetworkErrors(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	c := fast(url)
	c.Attempts = 2
	_, err := c.Validate(t.Context())
	var e *client.Error
	if err == nil || errors.As(err, &e) {
		t.Errorf("Validate against a closed port: %v; want a network error", err)
	}
}

// TestValidateAttemptTimeout: an attempt that gets no answer within Timeout is abandoned and
// tried again.
func TestValidateAttemptTimeout(t *testing.T) {
	t.Parallel()
	hang := func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }
	srv, n := server(t, hang, reply(200, validBody))
	c := fast(srv.URL)
	c.Timeout = 50 * time.Millisecond
	v, err := c.Validate(t.Context())
	if err != nil || v.Code != client.Suspended || n.Load() != 2 {
		t.Errorf("Validate = %+v, %v after %d requests", v, err, n.Load())
	}
}

func TestValidateCanceled(t *testing.T) {
	t.Parallel()
	srv, _ := server(t, reply(503, ""))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := fast(srv.URL).Validate(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Validate with a canceled context: %v", err)
	}
}
