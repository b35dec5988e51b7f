package id

import (
	"strings"
	"testing"
	"time"
)

func TestNewIsValidAndUnique(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	now := time.Now()
	for range 1000 {
		s := New(User, now)
		if !Valid(User, s) {
			t.Fatalf("New made %q, which Valid refuses", s)
		}
		if seen[s] {
			t.Fatalf("New made %q twice", s)
		}
		seen[s] = true
	}
}

func TestNewSortsByTime(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, d := range []time.Duration{time.Millisecond, time.Second, 1000 * time.Hour} {
		a, b := New(Event, t0), New(Event, t0.Add(d))
		if a >= b {
			t.Errorf("id made %s later sorts first: %s >= %s", d, a, b)
		}
	}
}

func TestValid(t *testing.T) {
	t.Parallel()
	good := New(Org, time.Now())
	tests := []struct {
		name, prefix, s string
		want            bool
	}{
		{"good", Org, good, true},
		{"other_prefix", User, good, false},
		{"short", Org, good[:len(good)-1], false},
		{"long", Org, good + "0", false},
		{"upper_case", Org, strings.ToUpper(good), false},
		{"letter_u", Org, good[:len(good)-1] + "u", false},
		{"empty", Org, "", false},
		{"prefix_only", Org, "org_", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Valid(tc.prefix, tc.s); got != tc.want {
				t.Errorf("Valid(%q, %q) = %v, want %v", tc.prefix, tc.s, got, tc.want)
			}
		})
	}
}

func FuzzValid(f *testing.F) {
	f.Add(New(User, time.Now()))
	f.Add("usr_")
	f.Fuzz(func(t *testing.T, s string) {
		if Valid(User, s) && len(s) != len("usr_")+bodyLen {
			t.Fatalf("Valid accepted %q of length %d", s, len(s))
		}
	})
}
