package blob

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestVerify(t *testing.T) {
	t.Parallel()
	const content = "the content that was stored"
	h := sha256.Sum256([]byte(content))
	good := Info{Key: "k", Size: int64(len(content)), SHA256: hex.EncodeToString(h[:])}
	tests := []struct {
		name   string
		stored string
		info   Info
		ok     bool
	}{
		{"intact", content, good, true},
		{"changed_byte", strings.Replace(content, "c", "C", 1), good, false},
		{"truncated", content[:10], good, false},
		{"grown", content + "!", good, false},
		{"wrong_size", content, Info{Key: "k", Size: 3, SHA256: good.SHA256}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Verify(io.NopCloser(iotest.OneByteReader(strings.NewReader(tt.stored))), tt.info)
			got, err := io.ReadAll(r)
			if tt.ok && (err != nil || string(got) != content) {
				t.Errorf("read %q, %v; want the content", got, err)
			}
			if !tt.ok && !errors.Is(err, ErrCorrupt) {
				t.Errorf("read %d bytes, error %v; want ErrCorrupt", len(got), err)
			}
			if _, err2 := r.Read(make([]byte, 1)); !tt.ok && !errors.Is(err2, ErrCorrupt) {
				t.Errorf("read after the error: %v, want ErrCorrupt again", err2)
			}
		})
	}
}
