package blobtest

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/licensorhq/licensor/internal/blob"
)

func basicCases() []testCase {
	return []testCase{
		{"PutGetStat", testPutGetStat},
		{"Replace", testReplace},
		{"Delete", testDelete},
		{"Missing", testMissing},
		{"Nested", testNested},
	}
}

// ignoreTime leaves ModTime out of comparisons: engines report it at their own precision.
var ignoreTime = cmpopts.IgnoreFields(blob.Info{}, "ModTime")

func testPutGetStat(t *testing.T, s blob.Store) {
	tests := []struct {
		name, key, contentType, wantType string
		content                          []byte
	}{
		{"pdf", "org-1/invoice/v1.pdf", "application/pdf", "application/pdf", []byte("%PDF-1.7 x")},
		{"empty", "empty", "text/plain", "text/plain", []byte{}},
		{"binary", "bin/a_b.c-d", "", "application/octet-stream", randomBytes(t, 4096+17)},
		{"params", "text", "text/plain; charset=utf-8", "text/plain; charset=utf-8", []byte("é")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := blob.Info{Key: tt.key, Size: int64(len(tt.content)),
				SHA256: sum(tt.content), ContentType: tt.wantType}
			checkPutGetStat(t, s, tt.content, tt.contentType, want)
		})
	}
}

func checkPutGetStat(t *testing.T, s blob.Store, content []byte, ct string, want blob.Info) {
	t.Helper()
	start := time.Now()
	put := mustPut(t, s, want.Key, content, ct)
	if diff := cmp.Diff(want, put, ignoreTime); diff != "" {
		t.Errorf("Put info (-want +got):\n%s", diff)
	}
	got, info := mustGet(t, s, want.Key)
	if !bytes.Equal(got, content) {
		t.Errorf("Get content: %d bytes, want the %d put", len(got), len(content))
	}
	if diff := cmp.Diff(want, info, ignoreTime); diff != "" {
		t.Errorf("Get info (-want +got):\n%s", diff)
	}
	checkModTime(t, info.ModTime, start)
	stat, err := s.Stat(ctxFor(t), want.Key)
	if err != nil {
		t.Fatalf("Stat: %v", err)
	}
	if diff := cmp.Diff(info, stat); diff != "" {
		t.Errorf("Stat differs from Get (-get +stat):\n%s", diff)
	}
}

// checkModTime allows for engines that keep whole seconds (S3) and for a little clock skew.
func checkModTime(t *testing.T, got, start time.Time) {
	t.Helper()
	if got.Before(start.Add(-2*time.Second)) || got.After(time.Now().Add(2*time.Second)) {
		t.Errorf("ModTime %v, want between %v and now", got, start)
	}
}

func testReplace(t *testing.T, s blob.Store) {
	mustPut(t, s, "a/b", []byte("first version"), "text/plain")
	second := []byte("the second, longer version")
	put := mustPut(t, s, "a/b", second, "application/pdf")
	want := blob.Info{Key: "a/b", Size: int64(len(second)), SHA256: sum(second),
		ContentType: "application/pdf"}
	if diff := cmp.Diff(want, put, ignoreTime); diff != "" {
		t.Errorf("Put info of the replacement (-want +got):\n%s", diff)
	}
	got, info := mustGet(t, s, "a/b")
	if !bytes.Equal(got, second) {
		t.Errorf("after replace: content %q, want %q", got, second)
	}
	if diff := cmp.Diff(want, info, ignoreTime); diff != "" {
		t.Errorf("Get info after replace (-want +got):\n%s", diff)
	}
}

// testNested stores blobs under keys that are prefixes of one another. S3 and fsblob take them
// all; versitygw's posix backend keeps objects as files and refuses a key under another one's
// (409 ObjectParentIsFile). Keys chosen by the server never nest, so an engine may refuse, but
// only with an error from Put, leaving every other blob as it was.
func testNested(t *testing.T, s blob.Store) {
	var stored []string
	for _, k := range []string{"n", "n/m", "n/m/o", "n.m"} {
		if _, err := s.Put(ctxFor(t), k, strings.NewReader(k), ""); err != nil {
			t.Logf("Put(%q) refused: %v", k, err)
			continue
		}
		stored = append(stored, k)
	}
	if len(stored) < 2 {
		t.Errorf("stored only %q, want at least the keys that do not nest", stored)
	}
	for _, k := range stored {
		if got, _ := mustGet(t, s, k); string(got) != k {
			t.Errorf("Get(%q) = %q, want %q", k, got, k)
		}
	}
}

func testDelete(t *testing.T, s blob.Store) {
	ctx := ctxFor(t)
	mustPut(t, s, "d/x", []byte("x"), "")
	mustPut(t, s, "d/y", []byte("y"), "")
	for range 2 { // the second time the blob is missing, which is no error
		if err := s.Delete(ctx, "d/x"); err != nil {
			t.Fatalf("Delete: %v", err)
		}
	}
	if _, err := s.Stat(ctx, "d/x"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat after Delete: %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "never/was"); err != nil {
		t.Errorf("Delete of a key never used: %v", err)
	}
	if got, _ := mustGet(t, s, "d/y"); string(got) != "y" {
		t.Errorf("neighbour of a deleted blob holds %q, want y", got)
	}
}

func testMissing(t *testing.T, s blob.Store) {
	ctx := ctxFor(t)
	mustPut(t, s, "here", []byte("x"), "")
	for _, key := range []string{"missing", "here/below", "her"} {
		if rc, _, err := s.Get(ctx, key); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("Get(%q): %v, want ErrNotFound", key, err)
			if err == nil {
				rc.Close()
			}
		}
		if _, err := s.Stat(ctx, key); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("Stat(%q): %v, want ErrNotFound", key, err)
		}
	}
}
