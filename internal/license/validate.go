package license

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/licensekey"
	"github.com/licensorhq/licensor/internal/store"
)

// ErrInvalidKey reports a key that is malformed, has a wrong checksum, or belongs to no license
// (never issued, or replaced by a regeneration).
var ErrInvalidKey = errors.New("license: invalid license key")

// errMalformed is ErrInvalidKey for a key refused before any lookup.
var errMalformed = fmt.Errorf("%w: malformed", ErrInvalidKey)

// IsMalformed reports whether err refused a key without looking it up: a key that cannot have
// been issued, so not a guess worth counting.
func IsMalformed(err error) bool { return errors.Is(err, errMalformed) }

// Answer is the outcome of a validation.
type Answer struct {
	Code   string
	Record Record
	Usage  Usage
}

// Valid reports whether the license may be used now.
func (a Answer) Valid() bool { return a.Code == CodeValid }

// Validate answers for key: which license it opens and whether that license may be used now. A
// malformed key is refused without touching the store; a well-formed one costs one Get.
func (s *Service) Validate(ctx context.Context, key string) (Answer, error) {
	if licensekey.Parse(key) != nil {
		return Answer{}, errMalformed
	}
	it, err := s.Store.Get(ctx, RecordKey(licensekey.Digest(s.Secret, key)))
	if errors.Is(err, store.ErrNotFound) {
		return Answer{}, ErrInvalidKey
	}
	if err != nil {
		return Answer{}, fmt.Errorf("read validation record: %w", err)
	}
	var a Answer
	if err := it.Decode(&a.Record); err != nil {
		return Answer{}, fmt.Errorf("decode validation record: %w", err)
	}
	now := s.now()
	a.Code = a.Record.Code(now)
	usage := s.Usage
	if usage == nil {
		usage = NoUsage
	}
	if a.Usage, err = usage(ctx, a.Record, now); err != nil {
		return Answer{}, fmt.Errorf("read usage of %s: %w", a.Record.LicenseID, err)
	}
	return a, nil
}
