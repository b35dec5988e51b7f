package fsblob

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/licensorhq/licensor/internal/blob"
)

// headerSize is the fixed length of the metadata at the start of every blob file. The longest
// header (a 1024-byte key and a 255-byte content type full of characters JSON escapes) fits.
const headerSize = 2048

type header struct {
	Format      int    `json:"format"`
	Key         string `json:"key"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	ContentType string `json:"content_type"`
}

func encodeHeader(info blob.Info) ([]byte, error) {
	b, err := json.Marshal(header{Format: 1, Key: info.Key, Size: info.Size,
		SHA256: info.SHA256, ContentType: info.ContentType})
	if err != nil {
		return nil, fmt.Errorf("encode blob header: %w", err)
	}
	if len(b) >= headerSize {
		return nil, fmt.Errorf("blob header of %d bytes is over %d", len(b), headerSize-1)
	}
	out := bytes.Repeat([]byte{' '}, headerSize)
	copy(out, b)
	out[headerSize-1] = '\n'
	return out, nil
}

// readHeader reads the header of the open blob file f, which should hold key, and leaves f at
// the start of the content.
func readHeader(f *os.File, key string) (blob.Info, error) {
	buf := make([]byte, headerSize)
	if _, err := io.ReadFull(f, buf); err != nil {
		return blob.Info{}, fmt.Errorf("read header of blob %s: %w (%w)", key, blob.ErrCorrupt,
			err)
	}
	var h header
	if err := json.Unmarshal(bytes.TrimRight(buf, " \n"), &h); err != nil {
		return blob.Info{}, fmt.Errorf("parse header of blob %s: %w (%w)", key, blob.ErrCorrupt,
			err)
	}
	if h.Format != 1 || h.Key != key || len(h.SHA256) != 64 || h.Size < 0 {
		return blob.Info{}, fmt.Errorf("header of blob %s: %w", key, blob.ErrCorrupt)
	}
	fi, err := f.Stat()
	if err != nil {
		return blob.Info{}, fmt.Errorf("stat blob %s: %w", key, err)
	}
	if fi.Size() != headerSize+h.Size { // truncated or grown behind our back
		return blob.Info{}, fmt.Errorf("length of blob %s: %w", key, blob.ErrCorrupt)
	}
	return blob.Info{Key: key, Size: h.Size, SHA256: h.SHA256, ContentType: h.ContentType,
		ModTime: fi.ModTime()}, nil
}
