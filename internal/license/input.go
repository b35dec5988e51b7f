package license

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of a license's fields.
const (
	MaxNameLen = 200
	// MaxCores and MaxPrice keep figures far below where multiplying them could overflow.
	MaxCores = 1_000_000
	MaxPrice = 1_000_000_000_00
)

// FieldError says what is wrong with one field of a request; the HTTP layer lists them in a
// validation_failed answer.
type FieldError struct {
	Name, Msg string
}

func (e *FieldError) Error() string { return "license: " + e.Name + " " + e.Msg }

// Field names the field, as the API spells it.
func (e *FieldError) Field() string { return e.Name }

// Message says what is wrong.
func (e *FieldError) Message() string { return e.Msg }

// Terms are the fields of a license that its creator sets and its editors change.
type Terms struct {
	Name           string
	PrepaidCores   int64
	CorePrice      int64
	ExtraCorePrice int64
	Currency       string
	StartsOn       string
	EndsOn         string
}

// Check returns nil when t is a valid license, or the FieldErrors of every field at fault,
// joined.
func (t Terms) Check() error {
	var errs []error
	bad := func(field, msg string) { errs = append(errs, &FieldError{field, msg}) }
	name := strings.TrimSpace(t.Name)
	if name == "" || utf8.RuneCountInString(name) > MaxNameLen || !utf8.ValidString(name) {
		bad("name", "must be 1 to 200 characters")
	}
	if t.PrepaidCores < 1 || t.PrepaidCores > MaxCores {
		bad("prepaid_cores", "must be a whole number from 1 to 1000000")
	}
	if t.CorePrice < 0 || t.CorePrice > MaxPrice {
		bad("core_price", "must be from 0 to 100000000000 (in the currency's minor unit)")
	}
	if t.ExtraCorePrice < 0 || t.ExtraCorePrice > MaxPrice {
		bad("extra_core_price", "must be from 0 to 100000000000 (in the currency's minor unit)")
	}
	if !IsCurrency(t.Currency) {
		bad("currency", "must be an ISO 4217 currency code in upper case, such as EUR")
	}
	errs = append(errs, checkDates(t.StartsOn, t.EndsOn)...)
	return errors.Join(errs...)
}

func checkDates(startsOn, endsOn string) []error {
	start, err := time.Parse(DateLayout, startsOn)
	if err != nil {
		return []error{&FieldError{"starts_on", "must be a date, YYYY-MM-DD"}}
	}
	if endsOn == "" {
		return nil
	}
	end, err := time.Parse(DateLayout, endsOn)
	switch {
	case err != nil:
		return []error{&FieldError{"ends_on", "must be a date, YYYY-MM-DD, or absent"}}
	case end.Before(start):
		return []error{&FieldError{"ends_on", "must not be before starts_on"}}
	}
	return nil
}

// terms returns the terms of l.
func (l License) terms() Terms {
	return Terms{Name: l.Name, PrepaidCores: l.PrepaidCores, CorePrice: l.CorePrice,
		ExtraCorePrice: l.ExtraCorePrice, Currency: l.Currency, StartsOn: l.StartsOn,
		EndsOn: l.EndsOn}
}

// withTerms returns l with the terms t.
func (l License) withTerms(t Terms) License {
	l.Name, l.PrepaidCores, l.CorePrice = strings.TrimSpace(t.Name), t.PrepaidCores, t.CorePrice
	l.ExtraCorePrice, l.Currency = t.ExtraCorePrice, t.Currency
	l.StartsOn, l.EndsOn = t.StartsOn, t.EndsOn
	return l
}
