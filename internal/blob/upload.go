package blob

import (
	"context"
	"net/http"
	"time"
)

// Uploader is implemented by engines to which a client can send a blob directly (S3), for files
// too large to pass through the server, such as a Lambda function's 6 MB payload limit.
//
// The server picks the key and the exact size, hands the Upload to the client, and calls Seal
// once the client reports it done. Until sealed the blob does not exist for Store: Get, Stat and
// SignedURL answer ErrNotFound, since its SHA-256 has not been recorded yet. An upload to a key
// that holds a blob replaces it, so the server gives each upload a fresh key.
type Uploader interface {
	// SignedUpload returns a request that stores exactly size bytes under key until ttl has
	// passed; a body of any other size is refused by the storage service.
	SignedUpload(ctx context.Context, key string, size int64, ttl time.Duration) (Upload, error)
	// Seal reads the uploaded blob, records its SHA-256 and contentType, and returns its Info.
	// Sealing a blob already sealed checks it again and changes nothing.
	Seal(ctx context.Context, key, contentType string) (Info, error)
}

// Upload is a signed HTTP request that a client sends, with the blob as its body, to store it.
type Upload struct {
	Method  string
	URL     string
	Header  http.Header // to be sent as given; Content-Length is among them
	Expires time.Time
}
