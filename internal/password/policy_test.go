package password

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		pw   string
		want error
	}{
		{"empty", "", ErrTooShort},
		{"eleven", "abcdefghijk", ErrTooShort},
		{"twelve", "horse staple", nil},
		{"spaces_count", "  eleven ch ", nil},
		{"only_spaces", strings.Repeat(" ", 12), nil},
		{"runes_not_bytes", "ééééééééééé", ErrTooShort},
		{"twelve_runes", "éééééééééééé", nil},
		{"no_composition_rules", "allinlowercaseletters", nil},
		{"max_bytes", strings.Repeat("x", 1023) + "y", nil},
		{"over_max_bytes", strings.Repeat("xy", 513), ErrTooLong},
		{"over_max_in_bytes_not_runes", strings.Repeat("é", 513), ErrTooLong},
		{"common", "password1234", ErrCommon},
		{"common_any_case", "PassWord1234", ErrCommon},
		{"common_walk", "1qaz2wsx3edc", ErrCommon},
		{"common_repeat", "000000000000", ErrCommon},
		{"product_name", "licensor2025", ErrCommon},
		{"common_plus_one", "password1234 x", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if err := Check(tt.pw); !errors.Is(err, tt.want) {
				t.Errorf("Check(%q) = %v; want %v", tt.pw, err, tt.want)
			}
		})
	}
}

func TestCommonList(t *testing.T) {
	t.Parallel()
	set := commonSet()
	if len(set) < 1000 {
		t.Errorf("common list has %d entries; want at least 1000", len(set))
	}
	for pw := range set {
		if len([]rune(pw)) < MinLength || pw != strings.ToLower(pw) {
			t.Errorf("common list holds %q: shorter than %d or not lower case", pw, MinLength)
		}
	}
}
