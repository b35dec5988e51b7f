package license_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/licensekey"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	a := e.validate(t, key)
	want := license.Record{LicenseID: l.ID, OrgID: e.client.ID, OrgName: "Acme Ltd",
		Name: "Production", PrepaidCores: 16, StartsOn: "2026-01-01", EndsOn: "2026-12-31",
		Status: "active"}
	if a.Code != license.CodeValid || !a.Valid() || a.Record != want || a.Usage != (license.Usage{}) {
		t.Errorf("Validate = %+v; want VALID with %+v and no usage", a, want)
	}
}

// TestValidateCodes walks a license's dates: the first and last days are inclusive, in UTC.
func TestValidateCodes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	_, key := e.create(t, nil)
	_, openEnded := e.create(t, func(tm *license.Terms) { tm.EndsOn = "" })
	tests := []struct {
		at   time.Time
		key  string
		want string
	}{
		{time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC), key, license.CodeNotStarted},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), key, license.CodeValid},
		{time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC), key, license.CodeValid},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), key, license.CodeExpired},
		{time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC), openEnded, license.CodeValid},
		{time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), openEnded, license.CodeNotStarted},
		// Not UTC: 2027-01-01 00:30 in Paris is still 2026 in UTC.
		{time.Date(2027, 1, 1, 0, 30, 0, 0, time.FixedZone("CET", 3600)), key, license.CodeValid},
	}
	for _, tt := range tests {
		e.clock.Set(tt.at)
		if got := e.validate(t, tt.key); got.Code != tt.want || got.Valid() != (tt.want == "VALID") {
			t.Errorf("at %v: code %s, valid %v; want %s", tt.at, got.Code, got.Valid(), tt.want)
		}
	}
}

func TestValidateRefusesKeys(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	_, key := e.create(t, nil)
	unknown, err := licensekey.Generate()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		key       string
		malformed bool
	}{
		{"empty", "", true},
		{"bad_checksum", key[:len(key)-1] + flip(key[len(key)-1]), true},
		{"changed_body", key[:8] + flip(key[8]) + key[9:], true},
		{"unknown", unknown.Reveal(), false},
	}
	for _, tt := range tests {
		_, err := e.svc.Validate(t.Context(), tt.key)
		if !errors.Is(err, license.ErrInvalidKey) || license.IsMalformed(err) != tt.malformed {
			t.Errorf("%s: Validate = %v; want invalid key, malformed %v", tt.name, err,
				tt.malformed)
		}
	}
}

func flip(c byte) string {
	if c == 'a' {
		return "b"
	}
	return "a"
}

// TestValidateBadChecksumReadsNothing checks that junk is refused before the store: on a
// closed store, any read would fail with another error.
func TestValidateBadChecksumReadsNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	_, key := e.create(t, nil)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := e.svc.Validate(ctx, key[:len(key)-1]+flip(key[len(key)-1]))
	if !license.IsMalformed(err) {
		t.Errorf("Validate of a bad checksum on a canceled context: %v; want malformed", err)
	}
	if _, err := e.svc.Validate(ctx, key); errors.Is(err, license.ErrInvalidKey) || err == nil {
		t.Errorf("Validate of a good key on a canceled context: %v; want a store error", err)
	}
}

func TestValidateUsageSeam(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	e.svc.Usage = func(_ context.Context, rec license.Record, _ time.Time) (license.Usage, error) {
		if rec.LicenseID != l.ID {
			t.Errorf("usage asked for %s; want %s", rec.LicenseID, l.ID)
		}
		return license.Usage{CurrentCores: 7, MonthPeakCores: 20}, nil
	}
	if a := e.validate(t, key); a.Usage != (license.Usage{CurrentCores: 7, MonthPeakCores: 20}) {
		t.Errorf("Usage = %+v", a.Usage)
	}
}
