package password

import (
	"errors"
	"unicode/utf8"
)

// The limits of the policy (NIST SP 800-63B 5.1.1.2, OWASP ASVS 6.2).
const (
	// MinLength is the fewest characters (Unicode code points) a password may have.
	MinLength = 12
	// MaxBytes is the most bytes a password may have; longer ones are refused, never truncated.
	MaxBytes = 1024
)

// The rules Check applies. Each message is written for the person choosing the password, so it
// can be shown as the field's message of a validation_failed answer as it is.
var (
	ErrTooShort = errors.New("must be at least 12 characters long")
	ErrTooLong  = errors.New("must be at most 1024 bytes long")
	ErrCommon   = errors.New("is too common: choose one that is harder to guess")
)

// Check reports whether pw may be chosen as a password: nil, or ErrTooShort, ErrTooLong or
// ErrCommon. There are no composition rules (digits, symbols, cases), as NIST advises; length
// and the list of common passwords do the work. pw is checked as typed: leading and trailing
// spaces count. Check does not apply to sign-in, where any stored password must still work.
func Check(pw string) error {
	switch {
	case len(pw) > MaxBytes:
		return ErrTooLong
	case utf8.RuneCountInString(pw) < MinLength:
		return ErrTooShort
	case isCommon(pw):
		return ErrCommon
	}
	return nil
}
