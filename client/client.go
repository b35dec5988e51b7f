// Package client is the Go client of Licensor's license validation, for the licensed software:
// it asks a Licensor server whether a license key may be used now.
//
//	c := client.New("https://licensor.example.com", os.Getenv("LICENSE_KEY"))
//	v, err := c.Validate(ctx)
//
// Validate sends POST /api/v1/license/validate with the header "Authorization: License <key>".
// Each attempt has its own timeout; network errors and answers of 500 and above are tried again
// after a growing, jittered pause, until the attempts run out or ctx ends. An answer of the server
// (a refused key, a throttled address) is never tried again: it comes back as an *Error, which
// errors.Is matches with ErrInvalidKey or ErrRateLimited.
//
// A Validation with Valid false is not an error: the key is known, and Code says why the license
// may not be used now (SUSPENDED, NOT_STARTED, EXPIRED).
//
// The package depends on the standard library only, so importing it adds nothing to a build.
package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Code says whether a license may be used now, and if not, why.
type Code string

// The codes of a validation.
const (
	Valid      Code = "VALID"
	Expired    Code = "EXPIRED"     // after the license's last day
	NotStarted Code = "NOT_STARTED" // before its first day
	Suspended  Code = "SUSPENDED"   // the license, or all of its organisation's, are suspended
)

// Validation is the server's answer for a known key.
type Validation struct {
	// Valid is true exactly when Code is Valid.
	Valid   bool    `json:"valid"`
	Code    Code    `json:"code"`
	License License `json:"license"`
}

// License is what the licensed software learns of its license.
type License struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	OrgID        string `json:"org_id"`
	OrgName      string `json:"org_name"`
	PrepaidCores int64  `json:"prepaid_cores"`
	// StartsOn and EndsOn are UTC dates, YYYY-MM-DD, both inclusive; EndsOn "" has no end.
	StartsOn string `json:"starts_on"`
	EndsOn   string `json:"ends_on,omitempty"`
	// Status is "active" or "suspended".
	Status string `json:"status"`
	// CurrentCores are the cores reported in use in the current UTC hour; MonthPeakCores the
	// most in any hour of the month so far.
	CurrentCores   int64 `json:"current_cores"`
	MonthPeakCores int64 `json:"month_peak_cores"`
}

// The errors that an *Error matches with errors.Is.
var (
	// ErrInvalidKey: the key is missing, malformed, unknown, or was replaced by a new one.
	ErrInvalidKey = errors.New("licensor: invalid license key")
	// ErrRateLimited: too many failed keys came from this address; wait for RetryAfter.
	ErrRateLimited = errors.New("licensor: rate limited")
)

// Error is an answer of the server other than a validation: a problem with a stable Code.
type Error struct {
	Status    int
	Code      string // "invalid_license_key", "rate_limited", "internal", ...
	Detail    string
	RequestID string
	// RetryAfter is how long the server asks to wait (rate_limited, unavailable); 0 if it
	// did not say.
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	s := fmt.Sprintf("licensor: %d %s", e.Status, e.Code)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.RequestID != "" {
		s += " (request " + e.RequestID + ")"
	}
	return s
}

// Is matches ErrInvalidKey and ErrRateLimited.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrInvalidKey:
		return e.Code == "invalid_license_key"
	case ErrRateLimited:
		return e.Code == "rate_limited"
	}
	return false
}

// Defaults of a Client.
const (
	DefaultTimeout    = 5 * time.Second
	DefaultAttempts   = 4
	DefaultBackoff    = 250 * time.Millisecond
	DefaultMaxBackoff = 5 * time.Second
)

// Client validates one license key. Its zero fields take the defaults; it is safe for
// concurrent use once made.
type Client struct {
	// BaseURL is the server's address, such as "https://licensor.example.com".
	BaseURL string
	// Key is the license key; it is sent only in the Authorization header.
	Key string
	// HTTPClient sends the requests; nil means a client of this package's own.
	HTTPClient *http.Client
	// Timeout bounds each attempt (default 5 s).
	Timeout time.Duration
	// Attempts is how many times a request is tried in all (default 4).
	Attempts int
	// Backoff is the pause after the first failed attempt, doubled after each further one up
	// to MaxBackoff (defaults 250 ms and 5 s); each pause is jittered by up to half. A server
	// error that says when to try again (Retry-After) makes the pause that long, up to
	// MaxBackoff.
	Backoff, MaxBackoff time.Duration
}

// New returns a client of the server at baseURL for key, with the defaults.
func New(baseURL, key string) *Client {
	return &Client{BaseURL: strings.TrimSuffix(baseURL, "/"), Key: key}
}

// defaultHTTP is shared by clients without their own, so that connections are reused.
var defaultHTTP = &http.Client{Transport: http.DefaultTransport}
