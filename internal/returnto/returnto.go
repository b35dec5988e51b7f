// Package returnto decides where the browser may be sent after sign-in.
//
// The sign-in page takes a return_to parameter so that a link such as
// https://portal.example/login?return_to=/licenses brings the user back where they were. Left
// unchecked, the same parameter turns the portal into an open redirect:
// ?return_to=//evil.example sends a freshly signed-in user to a look-alike site. Safe accepts
// only two forms and sends everything else to the home page:
//
//   - a path on this origin: one leading '/', not followed by another '/' or a backslash, even
//     after percent-decoding (so /%2F%2Fevil.example is refused);
//   - an absolute URL whose scheme and host (with port) are exactly those of one of the allowed
//     URLs (LICENSOR_RETURN_URLS), written without user info or percent-escapes in the host.
//
// Anywhere in the value, control characters, spaces, backslashes and invalid UTF-8 are refused:
// browsers strip or reinterpret them (a backslash is a slash to them, a tab vanishes), which is
// how a value that looks safe to a server becomes a foreign URL in the browser.
package returnto

import (
	"net/url"
	"unicode"
	"unicode/utf8"
)

// Home is where a refused value sends the user.
const Home = "/"

// maxLen bounds the value; a real return path is far shorter.
const maxLen = 2048

// Safe returns raw and true when raw is a safe place to send the browser after sign-in, and
// Home and false otherwise. allowed lists the origins of absolute URLs that may be returned to;
// only their scheme and host (with port) count, not their paths.
func Safe(raw string, allowed []*url.URL) (string, bool) {
	if raw == "" || len(raw) > maxLen || !plain(raw) {
		return Home, false
	}
	if raw[0] == '/' {
		if safePath(raw) {
			return raw, true
		}
		return Home, false
	}
	if safeAbsolute(raw, allowed) {
		return raw, true
	}
	return Home, false
}

// plain reports whether s is valid UTF-8 free of control characters, spaces and backslashes.
func plain(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.IsSpace(r) || r == '\\' {
			return false
		}
	}
	return true
}
