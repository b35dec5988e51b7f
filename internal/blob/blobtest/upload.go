package blobtest

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/licensorhq/licensor/internal/blob"
)

func uploaderCases() []testCase {
	return []testCase{
		{"SignedUpload", withUploader(testSignedUpload)},
		{"SignedUploadWrongSize", withUploader(testSignedUploadWrongSize)},
	}
}

func withUploader(run func(*testing.T, blob.Store, blob.Uploader)) func(*testing.T, blob.Store) {
	return func(t *testing.T, s blob.Store) {
		up, ok := s.(blob.Uploader)
		if !ok {
			t.Skipf("%T does not take signed uploads", s)
		}
		run(t, s, up)
	}
}

func signUpload(t testing.TB, up blob.Uploader, key string, size int) blob.Upload {
	t.Helper()
	u, err := up.SignedUpload(ctxFor(t), key, int64(size), time.Minute)
	if err != nil {
		t.Fatalf("SignedUpload(%q, %d): %v", key, size, err)
	}
	return u
}

func testSignedUpload(t *testing.T, s blob.Store, up blob.Uploader) {
	content := randomBytes(t, 200<<10)
	u := signUpload(t, up, "up/big.pdf", len(content))
	if r := send(t, u.Method, u.URL, u.Header, content); !r.ok() {
		t.Fatalf("upload of the declared size: status %d: %s", r.status, r.body)
	}
	if _, err := s.Stat(ctxFor(t), "up/big.pdf"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Stat before Seal: %v, want ErrNotFound", err)
	}
	want := blob.Info{Key: "up/big.pdf", Size: int64(len(content)), SHA256: sum(content),
		ContentType: "application/pdf"}
	for range 2 { // sealing again changes nothing
		info, err := up.Seal(ctxFor(t), "up/big.pdf", "application/pdf")
		if err != nil {
			t.Fatalf("Seal: %v", err)
		}
		if diff := cmp.Diff(want, info, ignoreTime); diff != "" {
			t.Errorf("Seal info (-want +got):\n%s", diff)
		}
	}
	got, info := mustGet(t, s, "up/big.pdf")
	if !bytes.Equal(got, content) || !cmp.Equal(want, info, ignoreTime) {
		t.Errorf("Get after Seal: %d bytes, info %+v; want the %d uploaded", len(got), info,
			len(content))
	}
}

func testSignedUploadWrongSize(t *testing.T, s blob.Store, up blob.Uploader) {
	const size = 1000
	for _, n := range []int{size - 1, size + 1, 0, 10 * size} {
		u := signUpload(t, up, "up/wrong", size)
		if r := send(t, u.Method, u.URL, u.Header, randomBytes(t, n)); r.ok() {
			t.Errorf("upload of %d bytes where %d were declared: status %d", n, size, r.status)
		}
	}
	if _, err := up.Seal(ctxFor(t), "up/wrong", ""); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Seal after refused uploads: %v, want ErrNotFound", err)
	}
	if _, err := up.SignedUpload(ctxFor(t), "up/zero", 0, time.Minute); err == nil {
		t.Errorf("SignedUpload of 0 bytes succeeded, want an error")
	}
}
