package smtp

import (
	"context"
	"errors"
	"fmt"
	gosmtp "net/smtp"
	"slices"
	"strings"

	"github.com/licensorhq/licensor/internal/mail"
)

// auth authenticates when a user is configured, never in clear except to this machine.
func (s *Sender) auth(c *gosmtp.Client) error {
	if s.cfg.Username == "" {
		return nil
	}
	if _, secure := c.TLSConnectionState(); !secure && !s.cfg.local() {
		return errors.New("server offers no STARTTLS; refusing to send the password in clear")
	}
	ok, mechs := c.Extension("AUTH")
	if !ok {
		return errors.New("server offers no AUTH")
	}
	a := gosmtp.PlainAuth("", s.cfg.Username, s.cfg.Password, s.cfg.Host)
	if list := strings.Fields(mechs); !slices.Contains(list, "PLAIN") {
		if !slices.Contains(list, "LOGIN") {
			return fmt.Errorf("server offers AUTH %s, want PLAIN or LOGIN", mechs)
		}
		a = loginAuth{s.cfg.Username, s.cfg.Password}
	}
	if err := c.Auth(a); err != nil {
		return fmt.Errorf("auth: %w", err)
	}
	return nil
}

// transmit runs the mail transaction. Recipients the server refuses for good are skipped with a
// warning, unless it refuses all of them; a temporary refusal fails the whole mail before any
// recipient has it, so a retry sends it to nobody twice.
func (s *Sender) transmit(ctx context.Context, c *gosmtp.Client, env envelope) error {
	if err := c.Mail(s.cfg.From.Address); err != nil {
		return fmt.Errorf("mail from: %w", err)
	}
	accepted, err := s.recipients(ctx, c, env.to)
	if err != nil {
		return err
	}
	if accepted == 0 {
		return mail.Permanent(errors.New("every recipient refused"))
	}
	return s.data(c, env)
}

// recipients sends RCPT TO for each address and counts those accepted.
func (s *Sender) recipients(ctx context.Context, c *gosmtp.Client, to []string) (int, error) {
	accepted := 0
	for _, addr := range to {
		err := c.Rcpt(addr)
		switch {
		case err == nil:
			accepted++
		case errors.Is(permanent(err), mail.ErrPermanent):
			s.Logger.WarnContext(ctx, "smtp: recipient refused", "to", addr, "error", err)
		default:
			return 0, fmt.Errorf("rcpt to: %w", err)
		}
	}
	return accepted, nil
}

// data sends the message. Once the server has accepted it, the mail counts as sent: a failed
// QUIT after that must not make the outbox send it again.
func (s *Sender) data(c *gosmtp.Client, env envelope) error {
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("data: %w", permanent(err))
	}
	if _, err := w.Write(env.raw); err != nil {
		return fmt.Errorf("data: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("end of data: %w", permanent(err))
	}
	_ = c.Quit()
	return nil
}

// loginAuth is the LOGIN mechanism, which some servers (Microsoft's) offer instead of PLAIN.
// auth only uses it over TLS or to this machine.
type loginAuth struct{ user, pass string }

func (a loginAuth) Start(*gosmtp.ServerInfo) (string, []byte, error) {
	return "LOGIN", nil, nil
}

func (a loginAuth) Next(prompt []byte, more bool) ([]byte, error) {
	if !more {
		return nil, nil
	}
	switch strings.ToLower(strings.TrimSpace(string(prompt))) {
	case "username:":
		return []byte(a.user), nil
	case "password:":
		return []byte(a.pass), nil
	}
	return nil, fmt.Errorf("unexpected LOGIN prompt %q", prompt)
}
