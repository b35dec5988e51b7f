package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/licensorhq/licensor/internal/license"
)

// validationJSON is the answer of POST /api/v1/license/validate.
type validationJSON struct {
	Valid   bool             `json:"valid"`
	Code    string           `json:"code"`
	License validatedLicense `json:"license"`
}

// validatedLicense is what the licensed software learns of its license.
type validatedLicense struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	OrgID        string `json:"org_id"`
	OrgName      string `json:"org_name"`
	PrepaidCores int64  `json:"prepaid_cores"`
	StartsOn     string `json:"starts_on"`
	EndsOn       string `json:"ends_on,omitempty"`
	Status       string `json:"status"`
	// CurrentCores are the cores in use in the current UTC hour; MonthPeakCores the most in
	// any hour of the month so far.
	CurrentCores   int64 `json:"current_cores"`
	MonthPeakCores int64 `json:"month_peak_cores"`
}

func validationOf(a license.Answer) validationJSON {
	rec := a.Record
	return validationJSON{Valid: a.Valid(), Code: a.Code, License: validatedLicense{
		ID: rec.LicenseID, Name: rec.Name, OrgID: rec.OrgID, OrgName: rec.OrgName,
		PrepaidCores: rec.PrepaidCores, StartsOn: rec.StartsOn, EndsOn: rec.EndsOn,
		Status: rec.Status, CurrentCores: a.Usage.CurrentCores,
		MonthPeakCores: a.Usage.MonthPeakCores}}
}

// LicenseScheme is the authorization scheme of license keys: "Authorization: License <key>".
const LicenseScheme = "License"

// licenseKey returns the key of r's Authorization header, "" when it has none.
func licenseKey(r *http.Request) string {
	scheme, key, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, LicenseScheme) {
		return ""
	}
	return strings.TrimSpace(key)
}

// errKeyRefused is the answer for a missing, malformed or unknown key: the same for all, so the
// answer does not tell a well-formed key from junk.
var errKeyRefused = &Error{Code: CodeInvalidLicenseKey,
	Detail: "send a valid license key: Authorization: License <key>"}

// validateLicense answers the licensed software: is its license usable now. The route is
// public for the policy: the key is its credential, checked here. A client IP that failed too
// often is refused before any work; a malformed key before any store access.
func (a *API) validateLicense(w http.ResponseWriter, r *http.Request) error {
	l, err := a.licenses()
	if err != nil {
		return err
	}
	ip := ClientIP(r)
	if wait := l.Guard.Blocked(ip); wait > 0 {
		return keyRateLimited(wait)
	}
	ans, err := l.Licenses.Validate(r.Context(), licenseKey(r))
	if errors.Is(err, license.ErrInvalidKey) {
		return a.keyFailed(w, r, l, ip, err)
	}
	if err != nil {
		return err
	}
	return WriteJSON(w, http.StatusOK, validationOf(ans))
}

// keyFailed answers a refused key, counting the failure against ip: in the store for a key
// that was looked up, in memory for a malformed one.
func (a *API) keyFailed(w http.ResponseWriter, r *http.Request, l *Licenses, ip string,
	cause error) error {
	wait, err := l.failure(r, ip, cause)
	if err != nil {
		return err
	}
	if wait > 0 {
		return keyRateLimited(wait)
	}
	w.Header().Set("WWW-Authenticate", LicenseScheme)
	return errKeyRefused
}

// failure counts a refused key of ip and returns how long ip is now refused.
func (l *Licenses) failure(r *http.Request, ip string, cause error) (time.Duration, error) {
	if license.IsMalformed(cause) {
		return l.Guard.FailedMalformed(ip), nil
	}
	return l.Guard.Failed(r.Context(), ip)
}

func keyRateLimited(wait time.Duration) error {
	return &Error{Code: CodeRateLimited, RetryAfter: max(wait, time.Second),
		Detail: "too many failed license keys from this address: wait, then try again"}
}
