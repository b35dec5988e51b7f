// Package passwordtest gives the tests of other packages a real password hasher that is cheap
// to run and counts its work: sign-in tests check that every attempt runs argon2 exactly once,
// whether the account exists or not.
package passwordtest

import (
	"context"
	"sync/atomic"

	"github.com/licensorhq/licensor/internal/password"
)

// FastParams make argon2 quick: its cost is not what such tests measure.
var FastParams = password.Params{Memory: 64, Time: 1, Threads: 1}

// Counting is a real password.Hasher with FastParams that counts its calls.
type Counting struct {
	*password.Hasher
	Hashes, Verifies, Dummies atomic.Int32
}

// NewCounting returns a counting hasher with FastParams.
func NewCounting() *Counting {
	return &Counting{Hasher: &password.Hasher{Params: FastParams}}
}

// Hash hashes pw and counts it.
func (h *Counting) Hash(ctx context.Context, pw string) (string, error) {
	h.Hashes.Add(1)
	return h.Hasher.Hash(ctx, pw)
}

// Verify checks pw against enc and counts it.
func (h *Counting) Verify(ctx context.Context, pw, enc string) (bool, bool, error) {
	h.Verifies.Add(1)
	return h.Hasher.Verify(ctx, pw, enc)
}

// VerifyDummy runs a verification against no account and counts it.
func (h *Counting) VerifyDummy(ctx context.Context, pw string) error {
	h.Dummies.Add(1)
	return h.Hasher.VerifyDummy(ctx, pw)
}

// Reset sets every count back to 0.
func (h *Counting) Reset() {
	h.Hashes.Store(0)
	h.Verifies.Store(0)
	h.Dummies.Store(0)
}
