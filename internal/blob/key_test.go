package blob

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key string
		ok  bool
	}{
		{"a", true},
		{"org-1/invoices/inv_2/v3.pdf", true},
		{"a..b", true},
		{"trailing.", true},
		{strings.Repeat("a", MaxKeyLen), true},
		{"", false},
		{strings.Repeat("a", MaxKeyLen+1), false},
		{"/a", false},
		{"a/", false},
		{"a//b", false},
		{"..", false},
		{"a/../b", false},
		{".a", false},
		{"a/.b", false},
		{"a b", false},
		{"a\tb", false},
		{"a\\b", false},
		{"ä", false},
		{"a+b", false},
	}
	for _, tt := range tests {
		err := CheckKey(tt.key)
		if (err == nil) != tt.ok || err != nil && !errors.Is(err, ErrInvalidKey) {
			t.Errorf("CheckKey(%q) = %v, want ok %v", tt.key, err, tt.ok)
		}
	}
}

// FuzzCheckKey holds the promise engines rely on: an accepted key cannot leave the directory it
// is joined to, nor name a hidden file.
func FuzzCheckKey(f *testing.F) {
	for _, s := range []string{"a/b", "../x", "a/./b", ".", "a\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if CheckKey(key) != nil {
			return
		}
		for seg := range strings.SplitSeq(key, "/") {
			if seg == "" || seg[0] == '.' || strings.ContainsAny(seg, "\\\x00 ") {
				t.Fatalf("CheckKey accepted %q with segment %q", key, seg)
			}
		}
	})
}

func TestContentType(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", "application/octet-stream"},
		{"application/pdf", "application/pdf"},
		{"Text/Plain; Charset=UTF-8", "text/plain; charset=UTF-8"},
		{"text/plain\r\nX-Evil: 1", ""},
		{"nonsense", ""},
		{"a/" + strings.Repeat("b", 300), ""},
	}
	for _, tt := range tests {
		got, err := ContentType(tt.in)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("ContentType(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
