package password

import (
	"errors"
	"testing"
)

const validPHC = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$" +
	"a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U"

func TestParsePHC(t *testing.T) {
	t.Parallel()
	p, err := parsePHC(validPHC)
	if err != nil {
		t.Fatal(err)
	}
	want := Params{Memory: 19456, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}
	if p.params != want {
		t.Errorf("params %+v; want %+v", p.params, want)
	}
	if got := p.encode(); got != validPHC {
		t.Errorf("encode = %q; want %q", got, validPHC)
	}
}

func TestParsePHCMalformed(t *testing.T) {
	t.Parallel()
	const salt, key = "c2FsdHNhbHRzYWx0c2FsdA", "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U"
	tests := map[string]string{
		"empty":           "",
		"no_dollar":       "argon2id",
		"argon2i":         "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + key,
		"old_version":     "$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + key,
		"no_version":      "$argon2id$m=19456,t=2,p=1$" + salt + "$" + key,
		"params_order":    "$argon2id$v=19$t=2,m=19456,p=1$" + salt + "$" + key,
		"two_params":      "$argon2id$v=19$m=19456,t=2$" + salt + "$" + key,
		"zero_time":       "$argon2id$v=19$m=19456,t=0,p=1$" + salt + "$" + key,
		"huge_memory":     "$argon2id$v=19$m=4294967295,t=2,p=1$" + salt + "$" + key,
		"memory_overflow": "$argon2id$v=19$m=99999999999,t=2,p=1$" + salt + "$" + key,
		"leading_zero":    "$argon2id$v=19$m=019456,t=2,p=1$" + salt + "$" + key,
		"signed":          "$argon2id$v=19$m=+19456,t=2,p=1$" + salt + "$" + key,
		"lanes_256":       "$argon2id$v=19$m=19456,t=2,p=256$" + salt + "$" + key,
		"memory_per_lane": "$argon2id$v=19$m=8,t=2,p=2$" + salt + "$" + key,
		"padded_salt":     "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "==$" + key,
		"url_alphabet":    "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + key[:42] + "_",
		"short_salt":      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + key,
		"short_key":       "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$a2V5",
		"empty_key":       "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$",
		"trailing_field":  validPHC + "$",
		"non_canonical":   "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + key[:42] + "V",
	}
	for name, s := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := parsePHC(s); !errors.Is(err, ErrMalformedHash) {
				t.Errorf("parsePHC(%q) error = %v; want ErrMalformedHash", s, err)
			}
		})
	}
}

// FuzzParsePHC holds that the parser never panics, and that whatever it accepts it writes back
// the same and within the sanity bounds.
func FuzzParsePHC(f *testing.F) {
	f.Add(validPHC)
	f.Add("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5")
	f.Add("$argon2id$v=19$m=,t=,p=$$")
	f.Add("$$$$$")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePHC(s)
		if err != nil {
			return
		}
		if got := p.encode(); got != s {
			t.Errorf("parsePHC(%q) then encode = %q", s, got)
		}
		if p.params.Memory > maxMemory || p.params.Time > maxTime || len(p.key) < minKeyLen {
			t.Errorf("parsePHC(%q) accepted out-of-bounds params %+v", s, p.params)
		}
	})
}
