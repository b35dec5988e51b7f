package blobtest

import (
	"bytes"
	"io"
	"net/http"
	"testing"
	"time"
)

var client = &http.Client{Timeout: 30 * time.Second}

// response is what a browser got from a signed URL.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) ok() bool { return r.status >= 200 && r.status < 300 }

// send makes one request as a browser or a client program would, straight to the backend.
func send(t testing.TB, method, url string, header http.Header, body []byte) response {
	t.Helper()
	req, err := http.NewRequestWithContext(ctxFor(t), method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatalf("build request for %s: %v", url, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read answer of %s %s: %v", method, url, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}
