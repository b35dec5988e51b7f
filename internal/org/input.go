package org

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/licensorhq/licensor/internal/account"
)

// Input is what a person sets of an organisation. A nil field of an update is left as it is.
type Input struct {
	Name          *string
	Kind          *string
	DistributorID *string
	BillingEmail  *string
	Address       *string
	VATID         *string
}

// Limits of the fields, in characters.
const (
	maxName    = 200
	maxAddress = 1000
	maxVATID   = 32
)

// apply checks in and sets its fields on o, returning every fault found, joined.
func (in Input) apply(o *Org) error {
	var errs []error
	if in.Name != nil {
		n, err := account.CleanName("name", *in.Name)
		errs, o.Name = append(errs, err), n
	}
	if in.BillingEmail != nil {
		o.BillingEmail = ""
		if strings.TrimSpace(*in.BillingEmail) != "" {
			e, err := account.NormalizeEmail("billing_email", *in.BillingEmail)
			errs, o.BillingEmail = append(errs, err), e
		}
	}
	if in.Address != nil {
		a, err := text("address", *in.Address, maxAddress, true)
		errs, o.Address = append(errs, err), a
	}
	if in.VATID != nil {
		v, err := text("vat_id", strings.ToUpper(*in.VATID), maxVATID, false)
		errs, o.VATID = append(errs, err), strings.ReplaceAll(v, " ", "")
	}
	return errors.Join(errs...)
}

// text returns s trimmed, or a fault of field when it is too long or holds control characters
// (line breaks allowed when multiline).
func text(field, s string, limit int, multiline bool) (string, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > limit {
		return "", account.Invalid(field, fmt.Sprintf("must be at most %d characters", limit))
	}
	for _, r := range s {
		if (r < 0x20 && !(multiline && r == '\n')) || r == 0x7f {
			return "", account.Invalid(field, "must not hold control characters")
		}
	}
	return s, nil
}
