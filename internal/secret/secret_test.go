package secret

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

var tokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

func TestNew(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 100 {
		tok, dig := New()
		if !tokenRE.MatchString(tok) {
			t.Fatalf("token %q is not 43 base64url characters", tok)
		}
		if err := Parse(tok); err != nil {
			t.Fatalf("Parse(New()) = %v", err)
		}
		if dig != Digest(tok) || len(dig) != DigestLen {
			t.Fatalf("digest %q is not Digest(token) of %d characters", dig, DigestLen)
		}
		if seen[tok] {
			t.Fatalf("token %q made twice", tok)
		}
		seen[tok] = true
	}
}

func TestDigest(t *testing.T) {
	t.Parallel()
	// SHA-256 of "abc", from FIPS 180-2's examples.
	const want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if got := Digest("abc"); got != want {
		t.Errorf("Digest(abc) = %s; want %s", got, want)
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	good, _ := New()
	valid := strings.Repeat("A", 42) + "E" // last character carries 4 bits: E is 000100
	tests := []struct {
		name  string
		token string
		ok    bool
	}{
		{"new", good, true},
		{"valid", valid, true},
		{"empty", "", false},
		{"short", valid[:42], false},
		{"long", valid + "A", false},
		{"padded", valid + "=", false},
		{"std_alphabet_plus", "+" + valid[1:], false},
		{"std_alphabet_slash", "/" + valid[1:], false},
		{"space", " " + valid[1:], false},
		{"non_canonical_tail", strings.Repeat("A", 42) + "B", false},
		{"non_ascii", "é" + valid[2:], false},
		{"nul", "\x00" + valid[1:], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Parse(tt.token)
			if tt.ok && err != nil || !tt.ok && !errors.Is(err, ErrMalformed) {
				t.Errorf("Parse(%q) = %v; want ok=%v", tt.token, err, tt.ok)
			}
		})
	}
}

// FuzzParse holds that Parse never panics and accepts exactly the canonical encodings of 32
// bytes.
func FuzzParse(f *testing.F) {
	good, _ := New()
	f.Add(good)
	f.Add(strings.Repeat("A", 42) + "B")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if Parse(s) != nil {
			return
		}
		b, err := enc.DecodeString(s)
		if err != nil || len(b) != Size || enc.EncodeToString(b) != s {
			t.Errorf("Parse accepted %q, which is not a canonical token", s)
		}
	})
}
