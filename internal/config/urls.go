package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/licensorhq/licensor/internal/mail/smtp"
)

// parseHTTPURL accepts an absolute http or https URL with a host and nothing after the path.
func parseHTTPURL(v string) (*url.URL, error) {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an absolute http or https URL", v)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return nil, fmt.Errorf("%q must have no user, query or fragment", v)
	}
	return u, nil
}

func parsePublicURL(c *Config, v string) error {
	u, err := parseHTTPURL(v)
	if err != nil {
		return err
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) {
		// The session cookie would cross the network in clear; a browser would also refuse the
		// Secure cookie over http, so sign-in could not work.
		return fmt.Errorf("%q is plain http on a host other than localhost: use https", v)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") // links are built as PublicURL + "/path"
	c.PublicURL = u
	return nil
}

func parseReturnURLs(c *Config, v string) error {
	c.ReturnURLs = nil
	for _, s := range strings.Split(v, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		u, err := parseHTTPURL(s)
		if err != nil {
			return err
		}
		c.ReturnURLs = append(c.ReturnURLs, u)
	}
	return nil
}

// parseSMTP never repeats the value in its errors: it may hold a password.
func parseSMTP(c *Config, v string) error {
	c.SMTPURL = nil
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil {
		return errors.New("not a valid URL (want smtp://user:pass@host:port or smtps://...)")
	}
	if u.Scheme != "smtp" && u.Scheme != "smtps" {
		return fmt.Errorf("unknown scheme %q (want smtp or smtps)", u.Scheme)
	}
	if u.Hostname() == "" {
		return errors.New("the URL has no host (want smtp://user:pass@host:port)")
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return errors.New("the URL must have no path, query or fragment")
	}
	if _, err := smtp.ParseURL(v); err != nil {
		return err // the sender's own reading, which redacts the password too
	}
	c.SMTPURL = u
	return nil
}

// loopback reports whether host is localhost or a loopback address, where plain http is
// allowed for a developer's own server.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
