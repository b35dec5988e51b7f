package returnto

import (
	"net/url"
	"strings"
)

// origin is a stand-in origin that paths are resolved against, to check they stay on it.
var origin = &url.URL{Scheme: "https", Host: "origin.invalid"}

// safePath reports whether raw, which starts with '/', is a path on this origin, in its raw form
// and in every form that percent-decoding gives it.
func safePath(raw string) bool {
	s := raw
	for range 4 {
		if len(s) > 1 && (s[1] == '/' || s[1] == '\\') || !decodedPlain(s) {
			return false
		}
		d, err := url.PathUnescape(s)
		if err != nil {
			return false
		}
		if d == s {
			return staysOnOrigin(raw)
		}
		s = d
	}
	// Encoded four times over: no real link does that.
	return false
}

// decodedPlain is plain for a decoded value, where a space is just a space.
func decodedPlain(s string) bool {
	return plain(strings.ReplaceAll(s, " ", "_"))
}

// staysOnOrigin reports whether raw, resolved as a reference, lands on origin: the last word of
// Go's own URL parser, after the character checks above.
func staysOnOrigin(raw string) bool {
	ref, err := url.Parse(raw)
	if err != nil || ref.Scheme != "" || ref.Host != "" || ref.User != nil || ref.Opaque != "" {
		return false
	}
	u := origin.ResolveReference(ref)
	return u.Scheme == origin.Scheme && u.Host == origin.Host
}

// safeAbsolute reports whether raw is "scheme://host[:port]..." with a scheme and host that
// match one allowed URL exactly, compared as written, so that user info, percent-escapes and
// other spellings of a host are refused rather than interpreted.
func safeAbsolute(raw string, allowed []*url.URL) bool {
	u, err := url.Parse(raw)
	if err != nil || u.User != nil || u.Opaque != "" || u.Host == "" {
		return false
	}
	rest, ok := strings.CutPrefix(raw[min(len(u.Scheme), len(raw)):], "://")
	if !ok || !strings.EqualFold(raw[:len(u.Scheme)], u.Scheme) {
		return false
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	for _, a := range allowed {
		if a != nil && a.Host != "" && strings.EqualFold(a.Scheme, u.Scheme) &&
			strings.EqualFold(a.Host, authority) && strings.EqualFold(a.Host, u.Host) {
			return true
		}
	}
	return false
}
