package api

import (
	"errors"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/terms"
)

// fieldFault is a domain error about one field of the request (account.FieldError).
type fieldFault interface {
	Field() string
	Message() string
}

// limited is a domain error of throttling (account.LimitedError).
type limited interface{ RetryAfter() time.Duration }

// domainProblems maps the domain packages' sentinel errors to problems.
var domainProblems = []struct {
	err  error
	code Code
	msg  string
}{
	{account.ErrInvalidCredentials, CodeInvalidCredentials, "wrong address or password"},
	{account.ErrWrongUser, CodeInvalidToken,
		"this link belongs to another account: sign out, then open it again"},
	{linktoken.ErrInvalid, CodeInvalidToken,
		"this link is not valid: it may have expired or been used already; ask for a new one"},
	{account.ErrEmailTaken, CodeConflict, "another account has this address"},
	{terms.ErrNone, CodeNotFound, "no such version of the terms"},
	{terms.ErrNotCurrent, CodeConflict,
		"this is not the current version of the terms: read the current one"},
	{terms.ErrRace, CodeConflict, "another version was published meanwhile: reload the terms"},
	{session.ErrNoSession, CodeNotFound, "no such session"},
	{license.ErrVendorOrg, CodeConflict,
		"the vendor organisation holds no licenses: create them for a client or a distributor"},
}

// domainError returns the problem for an error of a domain package, or nil for other errors.
func domainError(err error) *Error {
	if fields := fieldErrors(err, nil); len(fields) > 0 {
		return Invalid(fields...)
	}
	var l limited
	if errors.As(err, &l) {
		return &Error{Code: CodeRateLimited, Detail: "too many attempts: wait, then try again",
			RetryAfter: max(l.RetryAfter(), time.Second), Err: err}
	}
	for _, p := range domainProblems {
		if errors.Is(err, p.err) {
			return &Error{Code: p.code, Detail: p.msg, Err: err}
		}
	}
	return nil
}

// fieldErrors collects the field faults of err and of the errors it joins.
func fieldErrors(err error, out []FieldError) []FieldError {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			out = fieldErrors(e, out)
		}
		return out
	}
	var f fieldFault
	if errors.As(err, &f) {
		out = append(out, FieldError{Field: f.Field(), Message: f.Message()})
	}
	return out
}
