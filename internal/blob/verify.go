package blob

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
)

// ErrCorrupt is returned, wrapped, by a reader whose blob no longer matches its size or SHA-256.
var ErrCorrupt = errors.New("blob: content does not match its recorded size and SHA-256")

// Verify wraps the content of a blob so that the reader fails with ErrCorrupt, instead of
// returning io.EOF, when the bytes read do not have the size and SHA-256 in info. Reading past
// the recorded size fails at once. Engines use it to keep the promise of Store.Get.
func Verify(rc io.ReadCloser, info Info) io.ReadCloser {
	return &verifier{rc: rc, want: info, hash: sha256.New()}
}

type verifier struct {
	rc   io.ReadCloser
	want Info
	hash hash.Hash
	n    int64
	err  error // sticky, once the end or a mismatch was seen
}

func (v *verifier) Read(p []byte) (int, error) {
	if v.err != nil {
		return 0, v.err
	}
	n, err := v.rc.Read(p)
	v.hash.Write(p[:n])
	v.n += int64(n)
	if v.n > v.want.Size {
		v.err = v.corrupt()
		return n, v.err
	}
	if errors.Is(err, io.EOF) {
		v.err = v.check()
		return n, v.err
	}
	return n, err
}

func (v *verifier) check() error {
	if v.n != v.want.Size || hex.EncodeToString(v.hash.Sum(nil)) != v.want.SHA256 {
		return v.corrupt()
	}
	return io.EOF
}

func (v *verifier) corrupt() error {
	return fmt.Errorf("read blob %s: %w", v.want.Key, ErrCorrupt)
}

func (v *verifier) Close() error { return v.rc.Close() }
