// Package password hashes, verifies and vets user passwords.
//
// Hashes are argon2id (golang.org/x/crypto/argon2) written as PHC strings,
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>" with unpadded standard base64, so that another
// implementation can read them. A Hasher bounds how many hashes run at once (each one holds
// Params.Memory KiB), verifies in constant time, and tells the caller when a stored hash was made
// with weaker parameters than the current ones so it can be replaced at the next sign-in.
// VerifyDummy does the work of a verification for an address that has no account, so that a
// sign-in attempt takes as long whether or not the address is known.
//
// Check applies the password policy: at least 12 characters, at most 1024 bytes, no composition
// rules, and none of the common passwords listed in common.txt. Passwords are hashed and compared
// exactly as typed: no trimming, no Unicode normalisation, no case folding.
package password

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"runtime"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Hasher hashes and verifies passwords. The zero value uses DefaultParams and allows
// runtime.NumCPU() hashes at once. A Hasher is safe for concurrent use; do not change its fields
// after first use.
type Hasher struct {
	// Params are the parameters of new hashes; a zero field takes DefaultParams' value. A stored
	// hash made with weaker ones is reported by Verify as needing a rehash. SaltLen must be at
	// least 8 and KeyLen at least 16, or Verify refuses the hashes as malformed.
	Params Params
	// Concurrency is the most hashes computed at once; 0 means runtime.NumCPU().
	Concurrency int

	once  sync.Once
	sem   chan struct{}
	dummy string
}

// Default is the Hasher behind the package-level functions.
var Default = &Hasher{}

// Hash returns the PHC string of pw under Default.
func Hash(ctx context.Context, pw string) (string, error) { return Default.Hash(ctx, pw) }

// Verify checks pw against a PHC string under Default; see Hasher.Verify.
func Verify(ctx context.Context, pw, encoded string) (ok, needsRehash bool, err error) {
	return Default.Verify(ctx, pw, encoded)
}

// VerifyDummy does the work of a failed verification under Default; see Hasher.VerifyDummy.
func VerifyDummy(ctx context.Context, pw string) error { return Default.VerifyDummy(ctx, pw) }

func (h *Hasher) init() {
	h.once.Do(func() {
		h.Params = h.Params.withDefaults()
		n := h.Concurrency
		if n <= 0 {
			n = runtime.NumCPU()
		}
		h.sem = make(chan struct{}, n)
		// A hash of a random password, made with the current parameters, so that VerifyDummy
		// costs what Verify costs against a real account's up-to-date hash.
		h.dummy = phc{params: h.Params, salt: random(h.Params.SaltLen),
			key: random(h.Params.KeyLen)}.encode()
	})
}

// Hash returns the PHC string of pw made with h.Params and a fresh random salt.
func (h *Hasher) Hash(ctx context.Context, pw string) (string, error) {
	h.init()
	salt := random(h.Params.SaltLen)
	key, err := h.derive(ctx, pw, salt, h.Params)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return phc{params: h.Params, salt: salt, key: key}.encode(), nil
}

// Verify reports whether pw matches the PHC string encoded, and whether encoded was made with
// weaker parameters than h.Params, in which case the caller should store Hash(pw) after a match.
// A malformed encoded returns an error wrapping ErrMalformedHash; a context ended while waiting
// for a free slot returns its error.
func (h *Hasher) Verify(ctx context.Context, pw, encoded string) (ok, needsRehash bool, err error) {
	h.init()
	stored, err := parsePHC(encoded)
	if err != nil {
		return false, false, fmt.Errorf("verify password: %w", err)
	}
	key, err := h.derive(ctx, pw, stored.salt, stored.params)
	if err != nil {
		return false, false, fmt.Errorf("verify password: %w", err)
	}
	if subtle.ConstantTimeCompare(key, stored.key) != 1 {
		return false, false, nil
	}
	return true, stored.params.weakerThan(h.Params), nil
}

// VerifyDummy verifies pw against a hash of a random password made with h.Params, and so takes
// the time a failed Verify takes. Call it when the address given at sign-in has no account. It
// returns only the context's error.
func (h *Hasher) VerifyDummy(ctx context.Context, pw string) error {
	h.init()
	_, _, err := h.Verify(ctx, pw, h.dummy)
	return err
}

// derive runs argon2id once a slot is free, holding the slot for the duration.
func (h *Hasher) derive(ctx context.Context, pw string, salt []byte, p Params) ([]byte, error) {
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for a hashing slot: %w", ctx.Err())
	}
	defer func() { <-h.sem }()
	return argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen), nil
}

// random returns n bytes from crypto/rand, which never fails (it aborts the program instead).
func random(n uint32) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}
