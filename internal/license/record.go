package license

import (
	"context"
	"time"
)

// Record is the validation record of a key: what a validation answers, kept under the key's
// digest and rewritten in every write that changes its license.
type Record struct {
	LicenseID    string `json:"license_id"`
	OrgID        string `json:"org_id"`
	OrgName      string `json:"org_name"`
	Name         string `json:"name"`
	PrepaidCores int64  `json:"prepaid_cores"`
	StartsOn     string `json:"starts_on"`
	EndsOn       string `json:"ends_on,omitempty"`
	// Status is the license's effective status.
	Status string `json:"status"`
}

func recordOf(l License) Record {
	return Record{LicenseID: l.ID, OrgID: l.OrgID, OrgName: l.OrgName, Name: l.Name,
		PrepaidCores: l.PrepaidCores, StartsOn: l.StartsOn, EndsOn: l.EndsOn,
		Status: l.Effective()}
}

// The codes of a validation.
const (
	CodeValid      = "VALID"
	CodeExpired    = "EXPIRED"
	CodeNotStarted = "NOT_STARTED"
	CodeSuspended  = "SUSPENDED"
)

// Code is the validation code of the record at time now: SUSPENDED before anything else, then
// NOT_STARTED before the first day and EXPIRED after the last day (UTC days, inclusive).
// Dates in the form DateLayout compare as strings.
func (rec Record) Code(now time.Time) string {
	today := now.UTC().Format(DateLayout)
	switch {
	case rec.Status != StatusActive:
		return CodeSuspended
	case today < rec.StartsOn:
		return CodeNotStarted
	case rec.EndsOn != "" && today > rec.EndsOn:
		return CodeExpired
	}
	return CodeValid
}

// Usage is what validation tells of a license's use: the cores in use in the current UTC hour
// and the most cores in any hour of the current month so far.
type Usage struct {
	CurrentCores   int64
	MonthPeakCores int64
}

// UsageFunc returns the usage of a license at time now, for validation.
//
// It is the seam the usage part fills: until it does, NoUsage answers zeros. It runs on
// validation's hot path, so it should cost no store read of its own: the usage part is meant to
// keep the figures in the validation record's item (fields it adds with updates of its own,
// which leave this package's fields alone) or in memory.
type UsageFunc func(ctx context.Context, rec Record, now time.Time) (Usage, error)

// NoUsage answers zeros: no usage is recorded yet.
func NoUsage(context.Context, Record, time.Time) (Usage, error) { return Usage{}, nil }
