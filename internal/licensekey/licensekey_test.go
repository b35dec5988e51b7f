package licensekey

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"testing"
)

var keyRE = regexp.MustCompile(`^lic_[0-9A-Za-z]{36}$`)

// Keys whose checksums were computed apart from this package, with Python's zlib.crc32.
const (
	example = "lic_7Hq2Vx9KmP3sLd8RtY4wNc6ZbF1gJe3Gw7Il"
	zeros   = "lic_0000000000000000000000000000002C8GjS"
	zs      = "lic_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz4IlJEz"
)

func TestGenerate(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 200 {
		k, err := Generate()
		if err != nil {
			t.Fatal(err)
		}
		s := k.Reveal()
		if !keyRE.MatchString(s) || Parse(s) != nil {
			t.Fatalf("Generate() = %q, not a valid key", s)
		}
		if seen[s] {
			t.Fatalf("key %q generated twice", s)
		}
		seen[s] = true
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		key  string
		want error
	}{
		{"example", example, nil},
		{"zeros", zeros, nil},
		{"zs", zs, nil},
		{"empty", "", errLength},
		{"short", example[:Len-1], errLength},
		{"long", example + "0", errLength},
		{"no_prefix", "LIC_" + example[4:], errPrefix},
		{"other_prefix", "key_" + example[4:], errPrefix},
		{"dash", example[:10] + "-" + example[11:], errAlphabet},
		{"non_ascii", example[:10] + "é" + example[12:], errAlphabet},
		{"nul", example[:10] + "\x00" + example[11:], errAlphabet},
		{"one_char_changed", example[:10] + "x" + example[11:], errChecksum},
		{"two_swapped", example[:5] + example[6:7] + example[5:6] + example[7:], errChecksum},
		{"checksum_changed", example[:Len-1] + "m", errChecksum},
		{"case_changed", strings.ToUpper(example[:4]) + strings.ToLower(example[4:]), errPrefix},
		{"body_case_changed", example[:4] + strings.ToLower(example[4:]), errChecksum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Parse(tt.key)
			if err != tt.want || tt.want != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("Parse(%q) = %v; want %v", tt.key, err, tt.want)
			}
		})
	}
}

func TestDigest(t *testing.T) {
	t.Parallel()
	// RFC 4231 test case 2.
	const want = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
	if got := Digest([]byte("Jefe"), "what do ya want for nothing?"); got != want {
		t.Errorf("Digest = %s; want %s", got, want)
	}
	if Digest([]byte("one secret"), example) == Digest([]byte("another"), example) {
		t.Error("Digest does not depend on the secret")
	}
}

func TestLast4(t *testing.T) {
	t.Parallel()
	for key, want := range map[string]string{example: "w7Il", "abc": "", "abcd": "abcd"} {
		if got := Last4(key); got != want {
			t.Errorf("Last4(%q) = %q; want %q", key, got, want)
		}
	}
}

func TestKeyRedacted(t *testing.T) {
	t.Parallel()
	k := Key{s: example}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("made", "key", k)
	forms := map[string]string{
		"v":    fmt.Sprintf("%v", k),
		"s":    fmt.Sprintf("key %s", k),
		"#v":   fmt.Sprintf("%#v", k),
		"+v":   fmt.Sprintf("%+v", struct{ K Key }{k}),
		"slog": logged.String(),
	}
	for name, s := range forms {
		if strings.Contains(s, example[4:20]) || !strings.Contains(s, "w7Il") {
			t.Errorf("%s form %q shows the key or lacks its last 4", name, s)
		}
	}
	if b, err := json.Marshal(struct{ Key Key }{k}); err == nil {
		t.Errorf("json.Marshal of a Key = %s; want an error", b)
	}
}

// FuzzParse holds that Parse never panics and accepts only keys of the documented form with a
// correct checksum.
func FuzzParse(f *testing.F) {
	for _, s := range []string{example, zeros, zs, "", "lic_", example[:Len-1] + "m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if Parse(s) != nil {
			return
		}
		if !keyRE.MatchString(s) || checksum(s[4:34]) != s[34:] {
			t.Fatalf("Parse accepted %q", s)
		}
	})
}

// BenchmarkParseDigest measures what validating a key costs before the store lookup.
func BenchmarkParseDigest(b *testing.B) {
	secret := []byte("a server secret of thirty-two by")
	for b.Loop() {
		if err := Parse(example); err != nil {
			b.Fatal(err)
		}
		_ = Digest(secret, example)
	}
}
