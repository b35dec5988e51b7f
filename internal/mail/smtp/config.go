// Package smtp sends Licensor's mails through an SMTP server, as configured by
// LICENSOR_SMTP_URL and LICENSOR_MAIL_FROM.
//
// smtp://user:pass@host:port connects in clear and upgrades with STARTTLS whenever the server
// offers it; with credentials the upgrade is required (the password is never sent in clear),
// except to localhost. smtps://host:port uses TLS from the first byte. Authentication uses PLAIN,
// or LOGIN when the server offers only that. Messages are multipart/alternative MIME (a text part
// and an HTML part, quoted-printable) with Date, Message-ID and encoded headers.
package smtp

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/url"
	"strconv"
	"strings"
)

// Config is where and how to send.
type Config struct {
	Host string
	Port int
	// ImplicitTLS is set by smtps://: TLS from the first byte instead of STARTTLS.
	ImplicitTLS bool
	// Username and Password, when Username is set, authenticate to the server.
	Username, Password string
	// From is the sender of every mail.
	From netmail.Address
	// TLS, when set, is the base of the TLS settings (tests set RootCAs); ServerName is always
	// set to Host.
	TLS *tls.Config
	// LocalName is the name given in EHLO; "" means "localhost".
	LocalName string
}

// ParseURL reads an SMTP URL: smtp://[user[:password]@]host[:port] (port 587 by default) or
// smtps://... (port 465 by default). The user and password are percent-decoded.
func ParseURL(raw string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, fmt.Errorf("smtp url: %w", redact(err))
	}
	var c Config
	switch strings.ToLower(u.Scheme) {
	case "smtp":
		c.Port = 587
	case "smtps":
		c.Port, c.ImplicitTLS = 465, true
	default:
		return Config{}, fmt.Errorf("smtp url: scheme %q, want smtp or smtps", u.Scheme)
	}
	if err := checkShape(u); err != nil {
		return Config{}, err
	}
	c.Host = u.Hostname()
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return Config{}, fmt.Errorf("smtp url: bad port %q", p)
		}
	}
	c.Username = u.User.Username()
	c.Password, _ = u.User.Password()
	return c, nil
}

func checkShape(u *url.URL) error {
	switch {
	case u.Opaque != "" || u.Hostname() == "":
		return errors.New("smtp url: no host; want smtp://host:port")
	case u.Path != "" && u.Path != "/":
		return errors.New("smtp url: a path is not allowed")
	case u.RawQuery != "" || u.Fragment != "":
		return errors.New("smtp url: a query or fragment is not allowed")
	}
	return nil
}

// redact keeps a password out of a URL parse error, which quotes the URL.
func redact(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// ParseFrom reads LICENSOR_MAIL_FROM: an address, with or without a name.
func ParseFrom(from string) (netmail.Address, error) {
	a, err := netmail.ParseAddress(from)
	if err != nil {
		return netmail.Address{}, fmt.Errorf("mail from %q: %w", from, err)
	}
	return *a, nil
}

// Addr is host:port.
func (c Config) Addr() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// Redacted is the configuration as a URL without the password, for logs.
func (c Config) Redacted() string {
	u := url.URL{Scheme: "smtp", Host: c.Addr()}
	if c.ImplicitTLS {
		u.Scheme = "smtps"
	}
	if c.Username != "" {
		u.User = url.UserPassword(c.Username, "xxxxx")
	}
	return u.String()
}

// local reports whether the server is this machine, where credentials may go in clear.
func (c Config) local() bool {
	if c.Host == "localhost" {
		return true
	}
	ip := net.ParseIP(c.Host)
	return ip != nil && ip.IsLoopback()
}
