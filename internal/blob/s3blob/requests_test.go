package s3blob

import (
	"bytes"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// testRequestCounts holds the S3 requests each operation costs, the figures of the bill that
// docs/performance.md reports.
func testRequestCounts(t *testing.T, e env) {
	rec := &recorder{}
	c := s3.New(e.client.Options(), func(o *s3.Options) { o.HTTPClient = rec })
	s, err := Open(t.Context(), Config{Bucket: e.bucket(t), Client: c})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	rawPut(t, e, tamperable{Store: s}, "raw", []byte("uploaded"))
	tests := []struct {
		name string
		op   func() error
		want []string
	}{
		{"Open", func() error { _, err := Open(t.Context(), s.cfg); return err }, []string{"HEAD"}},
		{"Put", func() error {
			_, err := s.Put(t.Context(), "k", bytes.NewReader([]byte("x")), "")
			return err
		}, []string{"PUT"}},
		{"Get", func() error { return readAll(t, s, "k") }, []string{"GET"}},
		{"Stat", func() error { _, err := s.Stat(t.Context(), "k"); return err }, []string{"HEAD"}},
		{"SignedURL", func() error {
			_, err := s.SignedURL(t.Context(), "k", "k.pdf", time.Minute)
			return err
		}, []string{"HEAD"}},
		{"SignedUpload", func() error {
			_, err := s.SignedUpload(t.Context(), "u", 10, time.Minute)
			return err
		}, nil},
		{"Seal", func() error { _, err := s.Seal(t.Context(), "raw", ""); return err },
			[]string{"GET", "PUT"}},
		{"SealAgain", func() error { _, err := s.Seal(t.Context(), "raw", ""); return err },
			[]string{"GET"}},
		{"Delete", func() error { return s.Delete(t.Context(), "k") }, []string{"DELETE"}},
	}
	rec.methods()
	for _, tt := range tests {
		if err := tt.op(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := rec.methods(); !slices.Equal(got, tt.want) {
			t.Errorf("%s sent %q, want %q", tt.name, got, tt.want)
		}
	}
}

func readAll(t *testing.T, s *Store, key string) error {
	rc, _, err := s.Get(t.Context(), key)
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}
