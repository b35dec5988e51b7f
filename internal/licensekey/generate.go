package licensekey

import (
	"crypto/rand"
	"fmt"
)

// alphabet holds the base62 digits in order of value.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// isDigit marks the bytes of alphabet.
var isDigit = func() (t [256]bool) {
	for i := range len(alphabet) {
		t[alphabet[i]] = true
	}
	return t
}()

func isBase62(s string) bool {
	for i := range len(s) {
		if !isDigit[s[i]] {
			return false
		}
	}
	return true
}

// Generate returns a new random key.
func Generate() (Key, error) {
	body, err := randomBase62(BodyLen)
	if err != nil {
		return Key{}, fmt.Errorf("generate license key: %w", err)
	}
	return Key{s: Prefix + body + checksum(body)}, nil
}

// randomBase62 returns n uniformly random base62 digits. Bytes of 248 and above are dropped, as
// 248 is the largest multiple of 62 that fits a byte: taking every byte modulo 62 would make the
// first eight digits likelier than the others.
func randomBase62(n int) (string, error) {
	out := make([]byte, 0, n)
	var buf [64]byte
	for len(out) < n {
		if _, err := rand.Read(buf[:]); err != nil {
			return "", err
		}
		for _, b := range buf {
			if b < 248 && len(out) < n {
				out = append(out, alphabet[b%62])
			}
		}
	}
	return string(out), nil
}
