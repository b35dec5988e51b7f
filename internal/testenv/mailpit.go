package testenv

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Mailpit is a running Mailpit: an SMTP server that keeps every mail it receives, and a REST API
// to read them back.
type Mailpit struct {
	SMTPPort int
	SMTPAddr string // 127.0.0.1:SMTPPort
	APIURL   string // http://127.0.0.1:PORT, the web UI and /api/v1
	cmd      *exec.Cmd
}

// MailpitOptions configure StartMailpit; the zero value is a plain SMTP server on a free port.
type MailpitOptions struct {
	// SMTPPort is the SMTP port; 0 picks a free one. A test of a server that comes up late
	// picks the port first, sends to it while it is closed, then starts Mailpit on it.
	SMTPPort int
	// Auth makes the server offer AUTH and accept any user and password; without TLS when TLS
	// is not required (Mailpit refuses that combination).
	Auth bool
	// TLSCert and TLSKey, PEM files, make the server offer STARTTLS with that certificate.
	TLSCert, TLSKey string
	// RequireSTARTTLS makes the server refuse mail until STARTTLS (needs TLSCert and TLSKey).
	RequireSTARTTLS bool
	// ImplicitTLS makes the server speak TLS from the first byte, as smtps:// expects (needs
	// TLSCert and TLSKey).
	ImplicitTLS bool
	// AllowedRecipients, when set, is a regular expression; the server refuses other recipients.
	AllowedRecipients string
}

// MailpitArgs are the arguments that run Mailpit on the given addresses with its database at db:
// only on those addresses (both default to every interface), with no call home and no reverse
// DNS lookups. Browser tests that start Mailpit themselves should use the same flags.
func MailpitArgs(smtpAddr, httpAddr, db string) []string {
	return []string{"-s", smtpAddr, "-l", httpAddr, "-d", db,
		"--disable-version-check", "--smtp-disable-rdns"}
}

// StartMailpit starts Mailpit from the tool cache, waits until both ports listen, and stops it
// when the test ends.
func StartMailpit(t testing.TB, opts MailpitOptions) *Mailpit {
	t.Helper()
	bin := Tool(t, "mailpit")
	if opts.SMTPPort == 0 {
		opts.SMTPPort = FreePort(t)
	}
	httpAddr := "127.0.0.1:" + strconv.Itoa(FreePort(t))
	m := &Mailpit{SMTPPort: opts.SMTPPort, APIURL: "http://" + httpAddr,
		SMTPAddr: "127.0.0.1:" + strconv.Itoa(opts.SMTPPort)}
	args := append(MailpitArgs(m.SMTPAddr, httpAddr, filepath.Join(t.TempDir(), "mailpit.db")),
		opts.flags()...)
	m.cmd = Start(t, bin, args...)
	WaitTCP(t, m.SMTPAddr, 20*time.Second)
	WaitTCP(t, httpAddr, 20*time.Second)
	return m
}

func (o MailpitOptions) flags() []string {
	var f []string
	if o.Auth {
		f = append(f, "--smtp-auth-accept-any")
	}
	if o.Auth && !o.RequireSTARTTLS && !o.ImplicitTLS {
		f = append(f, "--smtp-auth-allow-insecure")
	}
	if o.TLSCert != "" {
		f = append(f, "--smtp-tls-cert", o.TLSCert, "--smtp-tls-key", o.TLSKey)
	}
	if o.RequireSTARTTLS {
		f = append(f, "--smtp-require-starttls")
	}
	if o.ImplicitTLS {
		f = append(f, "--smtp-require-tls")
	}
	if o.AllowedRecipients != "" {
		f = append(f, "--smtp-allowed-recipients", o.AllowedRecipients)
	}
	return f
}

// Stop kills Mailpit (its process group, by id) before the test ends, for tests of a mail
// server that goes away.
func (m *Mailpit) Stop() {
	_ = syscall.Kill(-m.cmd.Process.Pid, syscall.SIGKILL)
	_ = m.cmd.Wait()
}

// getJSON decodes the answer to GET APIURL+path into v.
func (m *Mailpit) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	resp, err := http.Get(m.APIURL + path)
	if err != nil {
		t.Fatalf("mailpit: get %s: %v", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("mailpit: get %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("mailpit: decode %s: %v", path, err)
	}
}

func (m *Mailpit) String() string {
	return fmt.Sprintf("mailpit smtp %s api %s", m.SMTPAddr, m.APIURL)
}
