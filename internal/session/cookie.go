package session

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"
)

// The cookie names. The __Host- prefix makes browsers refuse the cookie unless it is Secure,
// has Path=/ and no Domain, so no other host of the domain and no plain-http page can set it.
const (
	SecureCookieName = "__Host-licensor_session"
	LocalCookieName  = "licensor_session"
)

// Cookie says how the session cookie is written: its name and whether it is Secure.
type Cookie struct {
	Name   string
	Secure bool
}

// CookieFor returns the cookie for the public URL: __Host-licensor_session, Secure, over https;
// licensor_session without Secure over plain http on localhost or a loopback address, where a
// developer runs the server. Plain http elsewhere is refused: the session would cross the
// network in clear (config refuses such a LICENSOR_PUBLIC_URL before this is reached).
func CookieFor(public *url.URL) (Cookie, error) {
	switch {
	case public.Scheme == "https":
		return Cookie{Name: SecureCookieName, Secure: true}, nil
	case public.Scheme == "http" && IsLoopback(public.Hostname()):
		return Cookie{Name: LocalCookieName}, nil
	}
	return Cookie{}, fmt.Errorf("session cookie: %s is neither https nor http on localhost",
		public.Redacted())
}

// IsLoopback reports whether host is localhost or a loopback address.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Set writes the session cookie with value token on w. It has no Max-Age: the browser drops it
// when it closes, and the server ends the session at its limits anyway.
func (c Cookie) Set(w http.ResponseWriter, token string) {
	http.SetCookie(w, c.cookie(token, 0))
}

// Clear tells the browser to drop the session cookie.
func (c Cookie) Clear(w http.ResponseWriter) { http.SetCookie(w, c.cookie("", -1)) }

// Read returns the session cookie's value on r, "" when there is none.
func (c Cookie) Read(r *http.Request) string {
	ck, err := r.Cookie(c.Name)
	if err != nil {
		return ""
	}
	return ck.Value
}

func (c Cookie) cookie(value string, maxAge int) *http.Cookie {
	ck := &http.Cookie{Name: c.Name, Value: value, Path: "/", Secure: c.Secure, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, MaxAge: maxAge}
	if maxAge < 0 {
		ck.Expires = time.Unix(0, 0)
	}
	return ck
}
