package password

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrMalformedHash reports a stored hash that is not an argon2id PHC string this package can read.
var ErrMalformedHash = errors.New("password: malformed hash")

// Sanity bounds on parameters read from a stored hash. A corrupted or planted hash must not make
// Verify allocate gigabytes or loop for minutes, so anything outside them is refused as malformed.
const (
	maxMemory  = 1 << 20 // KiB, 1 GiB
	maxTime    = 64
	minSaltLen = 8
	maxSaltLen = 64
	minKeyLen  = 16
	maxKeyLen  = 64
)

// argon2Version is the only version of the algorithm written and read: 0x13, that is 19.
const argon2Version = 19

// b64 is the PHC string format's base64: standard alphabet, no padding, canonical trailing bits.
var b64 = base64.RawStdEncoding.Strict()

// phc is a parsed "$argon2id$v=19$m=...,t=...,p=...$salt$key" string.
type phc struct {
	params Params
	salt   []byte
	key    []byte
}

// encode writes the PHC string. The salt and key lengths of params are taken from the slices.
func (h phc) encode() string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2Version,
		h.params.Memory, h.params.Time, h.params.Threads,
		b64.EncodeToString(h.salt), b64.EncodeToString(h.key))
}

// parsePHC reads an argon2id PHC string. It never panics, whatever s holds.
func parsePHC(s string) (phc, error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return phc{}, fmt.Errorf("%w: not an argon2id PHC string", ErrMalformedHash)
	}
	if parts[2] != "v="+strconv.Itoa(argon2Version) {
		return phc{}, fmt.Errorf("%w: unsupported version", ErrMalformedHash)
	}
	p, err := parseParams(parts[3])
	if err != nil {
		return phc{}, err
	}
	h := phc{params: p}
	if h.salt, err = decodeField(parts[4], minSaltLen, maxSaltLen); err != nil {
		return phc{}, fmt.Errorf("salt: %w", err)
	}
	if h.key, err = decodeField(parts[5], minKeyLen, maxKeyLen); err != nil {
		return phc{}, fmt.Errorf("key: %w", err)
	}
	h.params.SaltLen, h.params.KeyLen = uint32(len(h.salt)), uint32(len(h.key))
	return h, nil
}

// parseParams reads "m=...,t=...,p=..." in that order, as every argon2 library writes them.
func parseParams(s string) (Params, error) {
	fields := strings.Split(s, ",")
	if len(fields) != 3 {
		return Params{}, fmt.Errorf("%w: want m, t and p", ErrMalformedHash)
	}
	m, err1 := parseParam(fields[0], "m=", maxMemory)
	t, err2 := parseParam(fields[1], "t=", maxTime)
	p, err3 := parseParam(fields[2], "p=", 255)
	if err := errors.Join(err1, err2, err3); err != nil {
		return Params{}, err
	}
	if m < 8*p {
		return Params{}, fmt.Errorf("%w: memory below 8 KiB per lane", ErrMalformedHash)
	}
	return Params{Memory: m, Time: t, Threads: uint8(p)}, nil
}

// parseParam reads one "name=value" with 1 <= value <= max, in canonical decimal.
func parseParam(field, name string, max uint32) (uint32, error) {
	digits, ok := strings.CutPrefix(field, name)
	if !ok {
		return 0, fmt.Errorf("%w: want %s", ErrMalformedHash, name)
	}
	n, err := strconv.ParseUint(digits, 10, 32)
	if err != nil || n < 1 || n > uint64(max) || strconv.FormatUint(n, 10) != digits {
		return 0, fmt.Errorf("%w: bad %s%q", ErrMalformedHash, name, digits)
	}
	return uint32(n), nil
}

// decodeField decodes a base64 field whose decoded length must lie in [min, max].
func decodeField(s string, min, max int) ([]byte, error) {
	if len(s) > b64.EncodedLen(max) {
		return nil, fmt.Errorf("%w: too long", ErrMalformedHash)
	}
	b, err := b64.DecodeString(s)
	if err != nil || len(b) < min {
		return nil, fmt.Errorf("%w: bad base64 or too short", ErrMalformedHash)
	}
	return b, nil
}
