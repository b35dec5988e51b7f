package blob

import (
	"errors"
	"fmt"
	"mime"
	"strings"
)

// ErrInvalidKey is returned, wrapped with the reason, for a key outside the rules of Store.
var ErrInvalidKey = errors.New("blob: invalid key")

// MaxKeyLen is the longest key in bytes, S3's own limit.
const MaxKeyLen = 1024

// CheckKey reports whether key follows the rules of Store. The rules leave no way to climb out of
// a directory ("..", a leading slash) or to name a hidden or temporary file, so an engine may map
// keys to file names without escaping them.
func CheckKey(key string) error {
	if key == "" || len(key) > MaxKeyLen {
		return fmt.Errorf("%w: %q: length must be 1 to %d bytes", ErrInvalidKey, key, MaxKeyLen)
	}
	for seg := range strings.SplitSeq(key, "/") {
		if err := checkSegment(seg); err != nil {
			return fmt.Errorf("%w: %q: %s", ErrInvalidKey, key, err)
		}
	}
	return nil
}

func checkSegment(seg string) error {
	switch {
	case seg == "":
		return errors.New("empty segment (leading, trailing or doubled slash)")
	case seg[0] == '.':
		return errors.New("segment starts with a dot")
	}
	for _, c := range []byte(seg) {
		if !keyByte(c) {
			return fmt.Errorf("character %q is not one of A-Z a-z 0-9 . _ -", c)
		}
	}
	return nil
}

func keyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '.' || c == '_' || c == '-'
}

// ContentType returns the media type engines store for contentType: application/octet-stream
// when it is empty, and an error when it does not parse, since it ends up in response headers.
func ContentType(contentType string) (string, error) {
	if contentType == "" {
		return "application/octet-stream", nil
	}
	if len(contentType) > 255 {
		return "", errors.New("blob: content type longer than 255 bytes")
	}
	typ, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", fmt.Errorf("blob: parse content type %q: %w", contentType, err)
	}
	if major, minor, ok := strings.Cut(typ, "/"); !ok || major == "" || minor == "" {
		return "", fmt.Errorf("blob: content type %q is not TYPE/SUBTYPE", contentType)
	}
	formatted := mime.FormatMediaType(typ, params)
	if formatted == "" {
		return "", fmt.Errorf("blob: content type %q cannot be written back", contentType)
	}
	return formatted, nil
}
