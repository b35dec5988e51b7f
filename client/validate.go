package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// validatePath is the route of validation.
const validatePath = "/api/v1/license/validate"

// maxAnswer bounds the bytes read of an answer.
const maxAnswer = 1 << 20

// Validate asks the server whether the key may be used now. It returns the validation, or an
// *Error for an answer of the server, or the last network error once the attempts ran out.
func (c *Client) Validate(ctx context.Context) (*Validation, error) {
	var lastErr error
	for attempt := 1; attempt <= c.attempts(); attempt++ {
		if attempt > 1 && !sleep(ctx, c.wait(attempt-1, lastErr)) {
			return nil, fmt.Errorf("licensor: validate: %w (last error: %w)", ctx.Err(), lastErr)
		}
		v, err := c.try(ctx)
		if err == nil || !retryable(ctx, err) {
			return v, err
		}
		lastErr = err
	}
	return nil, fmt.Errorf("licensor: validate: %d attempts failed: %w", c.attempts(), lastErr)
}

// try is one attempt, bounded by the client's timeout.
func (c *Client) try(ctx context.Context) (*Validation, error) {
	ctx, cancel := context.WithTimeout(ctx, or(c.Timeout, DefaultTimeout))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost,
		strings.TrimSuffix(c.BaseURL, "/")+validatePath, nil)
	if err != nil {
		return nil, fmt.Errorf("licensor: validate: %w", err)
	}
	req.Header.Set("Authorization", "License "+c.Key)
	req.Header.Set("Accept", "application/json")
	hc := c.HTTPClient
	if hc == nil {
		hc = defaultHTTP
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return nil, err
	}
	return decode(resp, body)
}

// decode reads an answer: a validation on 200, else the problem.
func decode(resp *http.Response, body []byte) (*Validation, error) {
	if resp.StatusCode != http.StatusOK {
		return nil, problemOf(resp, body)
	}
	var v Validation
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&v); err != nil {
		return nil, fmt.Errorf("licensor: validate: read answer: %w", err)
	}
	return &v, nil
}

// problemOf makes the *Error of a problem answer; a body that is no problem keeps the status.
func problemOf(resp *http.Response, body []byte) *Error {
	var p struct {
		Code      string `json:"code"`
		Detail    string `json:"detail"`
		RequestID string `json:"request_id"`
	}
	_ = json.Unmarshal(body, &p)
	e := &Error{Status: resp.StatusCode, Code: p.Code, Detail: p.Detail, RequestID: p.RequestID}
	if e.Code == "" {
		e.Code = strings.ToLower(strings.ReplaceAll(http.StatusText(resp.StatusCode), " ", "_"))
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		e.RetryAfter = time.Duration(s) * time.Second
	}
	return e
}

// retryable reports whether err may pass on a later attempt: a network error or a server error
// (500 and above), while ctx lasts.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Status >= 500
	}
	return true // the request did not get an answer (the attempt's own timeout included)
}

func (c *Client) attempts() int {
	if c.Attempts <= 0 {
		return DefaultAttempts
	}
	return c.Attempts
}

// wait returns the pause before attempt n+1 after the failure err: the backoff, or the
// Retry-After that the server sent with a 5xx when longer, up to MaxBackoff.
func (c *Client) wait(n int, err error) time.Duration {
	d := c.pause(n)
	var e *Error
	if errors.As(err, &e) && e.RetryAfter > d {
		d = min(e.RetryAfter, or(c.MaxBackoff, DefaultMaxBackoff))
	}
	return d
}

// pause returns the wait before attempt n+1: Backoff·2^(n-1), capped, jittered down by up to half.
func (c *Client) pause(n int) time.Duration {
	d, limit := or(c.Backoff, DefaultBackoff), or(c.MaxBackoff, DefaultMaxBackoff)
	for i := 1; i < n && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	return d - time.Duration(rand.Int64N(int64(d/2)+1))
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func or(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
