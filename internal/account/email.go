package account

import (
	"net/mail"
	"strings"
	"unicode/utf8"
)

// maxEmail is the longest address accepted (RFC 5321's path limit less the brackets).
const maxEmail = 254

// NormalizeEmail returns addr trimmed and in lower case, or a FieldError for field when it is
// not a plain address ("ann@example.com", without a display name or angle brackets).
func NormalizeEmail(field, addr string) (string, error) {
	a := strings.ToLower(strings.TrimSpace(addr))
	if a == "" {
		return "", Invalid(field, "is required")
	}
	if len(a) > maxEmail || !utf8.ValidString(a) {
		return "", Invalid(field, "is not a valid address")
	}
	parsed, err := mail.ParseAddress(a)
	if err != nil || parsed.Address != a || parsed.Name != "" {
		return "", Invalid(field, "is not a valid address")
	}
	at := strings.LastIndexByte(a, '@')
	if at < 1 || !strings.Contains(a[at+1:], ".") || strings.ContainsAny(a, " \t\"()<>[]\\,;:") {
		return "", Invalid(field, "is not a valid address")
	}
	return a, nil
}

// maxName bounds a person's name.
const maxName = 200

// CleanName returns name trimmed, or a FieldError for field when it is empty, too long or holds
// control characters.
func CleanName(field, name string) (string, error) {
	n := strings.TrimSpace(name)
	if n == "" {
		return "", Invalid(field, "is required")
	}
	if utf8.RuneCountInString(n) > maxName || !utf8.ValidString(n) {
		return "", Invalid(field, "must be at most 200 characters")
	}
	for _, r := range n {
		if r < 0x20 || r == 0x7f {
			return "", Invalid(field, "must not hold control characters")
		}
	}
	return n, nil
}
