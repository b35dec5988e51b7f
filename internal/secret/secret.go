// Package secret makes the random tokens that Licensor hands out and stores only as digests:
// the tokens of links sent by mail (password reset, email confirmation, invitation) and session
// ids.
//
// A token is 32 bytes from crypto/rand written in unpadded base64url: 43 characters of
// [A-Za-z0-9_-]. The store keeps only Digest(token), the lowercase hex SHA-256 of the token's
// text (64 characters), so a copy of the store yields no usable token. Hex was chosen over base64
// because a digest is used as (part of) an item key: hex is one case, has no '-' or '_', and
// reads the same in every console. SHA-256 without a salt is enough because the token carries 256
// random bits; there is nothing to guess.
//
// Parse refuses a malformed token (wrong length, foreign character, non-canonical last
// character) before any lookup, so junk costs no store read.
package secret

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
)

// Size is the number of random bytes in a token.
const Size = 32

// Len is the length of a token's text.
const Len = 43 // base64.RawURLEncoding.EncodedLen(Size)

// DigestLen is the length of a digest's text.
const DigestLen = 2 * sha256.Size

// ErrMalformed reports a string that cannot be a token this package made.
var ErrMalformed = errors.New("secret: malformed token")

// enc is unpadded base64url that refuses non-canonical trailing bits, so each token has exactly
// one spelling and one digest.
var enc = base64.RawURLEncoding.Strict()

// New returns a fresh random token, to hand out once, and its digest, to store.
func New() (token, digest string) {
	var b [Size]byte
	// crypto/rand.Read never returns an error: it aborts the program when it cannot read.
	_, _ = rand.Read(b[:])
	token = enc.EncodeToString(b[:])
	return token, Digest(token)
}

// Digest returns the lowercase hex SHA-256 of token: what the store keeps and looks up. Call
// Parse first on a token that comes from outside.
func Digest(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Parse returns nil when token has the form of a token from New, and ErrMalformed otherwise.
// It is cheap and reads no store: call it before looking up Digest(token).
func Parse(token string) error {
	if len(token) != Len {
		return ErrMalformed
	}
	var b [Size + 1]byte
	if n, err := enc.Decode(b[:], []byte(token)); err != nil || n != Size {
		return ErrMalformed
	}
	return nil
}
