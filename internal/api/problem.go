package api

import (
	"fmt"
	"net/http"
	"time"
)

// Code is the stable, machine-readable code of a problem answer. Clients branch on it; its
// wording never changes once released.
type Code string

// The codes, each with its status in Codes.
const (
	CodeValidationFailed     Code = "validation_failed"
	CodeUnauthenticated      Code = "unauthenticated"
	CodeInvalidCredentials   Code = "invalid_credentials"
	CodeInvalidLicenseKey    Code = "invalid_license_key"
	CodeForbidden            Code = "forbidden"
	CodeTermsRequired        Code = "terms_required"
	CodeNotFound             Code = "not_found"
	CodeMethodNotAllowed     Code = "method_not_allowed"
	CodeConflict             Code = "conflict"
	CodeInvalidToken         Code = "invalid_token"
	CodePayloadTooLarge      Code = "payload_too_large"
	CodeUnsupportedMediaType Code = "unsupported_media_type"
	CodeRateLimited          Code = "rate_limited"
	CodeInternal             Code = "internal"
	CodeUnavailable          Code = "unavailable"
)

// Codes maps each code to its HTTP status. The OpenAPI document lists the same codes.
var Codes = map[Code]int{
	CodeValidationFailed:     http.StatusBadRequest,
	CodeUnauthenticated:      http.StatusUnauthorized,
	CodeInvalidCredentials:   http.StatusUnauthorized,
	CodeInvalidLicenseKey:    http.StatusUnauthorized,
	CodeForbidden:            http.StatusForbidden,
	CodeTermsRequired:        http.StatusForbidden,
	CodeNotFound:             http.StatusNotFound,
	CodeMethodNotAllowed:     http.StatusMethodNotAllowed,
	CodeConflict:             http.StatusConflict,
	CodeInvalidToken:         http.StatusBadRequest,
	CodePayloadTooLarge:      http.StatusRequestEntityTooLarge,
	CodeUnsupportedMediaType: http.StatusUnsupportedMediaType,
	CodeRateLimited:          http.StatusTooManyRequests,
	CodeInternal:             http.StatusInternalServerError,
	CodeUnavailable:          http.StatusServiceUnavailable,
}

// FieldError says what is wrong with one field of a request (validation_failed).
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is an error a handler returns to choose the problem answer. Detail and Fields are shown
// to the client, so they must hold no internal text; Err is the cause, logged and never sent.
type Error struct {
	Code       Code
	Detail     string
	Fields     []FieldError
	RetryAfter time.Duration // sent as Retry-After (rate_limited, unavailable)
	Allow      []string      // sent as Allow (method_not_allowed)
	Err        error
}

// Errorf returns an Error with code and a detail formatted for the client.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Detail: fmt.Sprintf(format, args...)}
}

// Invalid returns a validation_failed Error listing the fields at fault.
func Invalid(fields ...FieldError) *Error {
	return &Error{Code: CodeValidationFailed, Detail: "the request is not valid", Fields: fields}
}

// Error describes the problem for logs, cause included.
func (e *Error) Error() string {
	s := string(e.Code)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Status is the HTTP status of the error's code.
func (e *Error) Status() int {
	if s, ok := Codes[e.Code]; ok {
		return s
	}
	return http.StatusInternalServerError
}
