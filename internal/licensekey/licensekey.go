// Package licensekey makes, checks and digests license keys, the secrets with which the licensed
// software authenticates (Authorization: License <key>).
//
// A key is "lic_", then 30 random base62 characters (about 178 bits, from crypto/rand), then 6
// base62 characters holding the CRC-32 (IEEE) of those 30 characters: 40 characters in all, for
// example lic_7Hq2Vx9KmP3sLd8RtY4wNc6ZbF1gJe3Gw7Il. Base62 digits run 0-9, A-Z, a-z; the
// checksum is written big-endian and zero-padded. The checksum lets Parse refuse a mistyped or
// made-up key without touching the store, and lets secret scanners recognise a leaked key.
//
// The store never holds a key: only Digest(serverSecret, key), an HMAC-SHA256 under a secret the
// server keeps apart from the store, and Last4(key) for display. A Key value prints as a redacted
// form and refuses to be marshalled to JSON, so it cannot reach a log or an answer by accident;
// Reveal gives the full key for the one answer that shows it.
package licensekey

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"log/slog"
)

// The parts of a key.
const (
	Prefix      = "lic_"
	BodyLen     = 30
	ChecksumLen = 6
	Len         = len(Prefix) + BodyLen + ChecksumLen
)

// ErrInvalid reports a string that is not a well-formed key with a correct checksum.
var ErrInvalid = errors.New("licensekey: invalid key")

// The reasons Parse gives, made once so that refusing junk does not allocate.
var (
	errLength   = errors.Join(ErrInvalid, errors.New("wrong length"))
	errPrefix   = errors.Join(ErrInvalid, errors.New("wrong prefix"))
	errAlphabet = errors.Join(ErrInvalid, errors.New("character outside base62"))
	errChecksum = errors.Join(ErrInvalid, errors.New("wrong checksum"))
)

// Parse returns nil when s is a well-formed key whose checksum holds, and an error wrapping
// ErrInvalid otherwise. It reads nothing but s: call it before any lookup.
func Parse(s string) error {
	switch {
	case len(s) != Len:
		return errLength
	case s[:len(Prefix)] != Prefix:
		return errPrefix
	case !isBase62(s[len(Prefix):]):
		return errAlphabet
	case checksum(s[len(Prefix):Len-ChecksumLen]) != s[Len-ChecksumLen:]:
		return errChecksum
	}
	return nil
}

// checksum returns the base62 CRC-32 of body.
func checksum(body string) string {
	var b [ChecksumLen]byte
	n := crc32.ChecksumIEEE([]byte(body))
	for i := ChecksumLen - 1; i >= 0; i-- {
		b[i] = alphabet[n%62]
		n /= 62
	}
	return string(b[:])
}

// Digest returns the lowercase hex HMAC-SHA256 of key under secret: what the store keeps and
// looks a key up by. secret should be at least 32 random bytes and is never stored with the data.
func Digest(secret []byte, key string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(key))
	return hex.EncodeToString(m.Sum(nil))
}

// Last4 returns the last 4 characters of key, kept to tell keys apart on screen; "" when key is
// shorter than that.
func Last4(key string) string {
	if len(key) < 4 {
		return ""
	}
	return key[len(key)-4:]
}

// Key is a freshly generated license key. Its printed, logged and JSON forms never hold the
// secret; Reveal does.
type Key struct{ s string }

// Reveal returns the full key, for the one answer that shows it to its owner.
func (k Key) Reveal() string { return k.s }

// Last4 returns the last 4 characters of the key.
func (k Key) Last4() string { return Last4(k.s) }

// String returns a redacted form, "lic_…" and the last 4 characters.
func (k Key) String() string { return Prefix + "…" + k.Last4() }

// GoString returns the redacted form, for %#v.
func (k Key) GoString() string { return k.String() }

// LogValue returns the redacted form, for slog.
func (k Key) LogValue() slog.Value { return slog.StringValue(k.String()) }

// MarshalJSON refuses: an answer that shows a key must say so with Reveal.
func (k Key) MarshalJSON() ([]byte, error) {
	return nil, errors.New("licensekey: a Key is not marshalled; use Reveal")
}
