// Package id makes the opaque identifiers of the API: a type prefix, an underscore, and 26
// characters of Crockford base32 holding 48 bits of milliseconds since the Unix epoch followed by
// 80 random bits. Identifiers made later sort after earlier ones (to the millisecond), so they
// serve as sort keys for newest-first lists without a separate timestamp.
package id

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// The type prefixes of the API's identifiers.
const (
	User         = "usr"
	Org          = "org"
	Session      = "ses"
	License      = "lic"
	Invoice      = "inv"
	Invitation   = "ivt"
	Event        = "evt"
	Payment      = "pay"
	Document     = "doc"
	MailMessage  = "msg"
	TermsVersion = "trm"
)

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz" // Crockford's, lower case

// bodyLen is the length of an identifier after its prefix and underscore.
const bodyLen = 26

// New returns a fresh identifier with the given prefix, made at time t.
func New(prefix string, t time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(t.UnixMilli())<<16)
	if _, err := rand.Read(b[6:]); err != nil {
		panic(fmt.Sprintf("id: read random bytes: %v", err)) // crypto/rand never fails on Linux
	}
	return prefix + "_" + encode(b)
}

// encode writes 128 bits as 26 base32 characters, most significant first (the first character
// holds only 3 bits).
func encode(b [16]byte) string {
	hi, lo := binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
	var out [bodyLen]byte
	for i := bodyLen - 1; i >= 0; i-- {
		out[i] = alphabet[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}

// Valid reports whether s is a well-formed identifier with the given prefix. It reads nothing
// from any store, so handlers refuse junk before a lookup.
func Valid(prefix, s string) bool {
	body, ok := strings.CutPrefix(s, prefix+"_")
	if !ok || len(body) != bodyLen {
		return false
	}
	for i := 0; i < len(body); i++ {
		if strings.IndexByte(alphabet, body[i]) < 0 {
			return false
		}
	}
	return true
}
