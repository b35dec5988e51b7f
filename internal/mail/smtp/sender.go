package smtp

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	gosmtp "net/smtp"
	"net/textproto"
	"time"

	"github.com/licensorhq/licensor/internal/mail"
)

// Sender sends mails through one SMTP server, one connection per mail. It is a mail.Sender.
type Sender struct {
	cfg Config
	// Logger receives a warning for each recipient the server refuses while it takes others.
	Logger *slog.Logger
	// Now is the clock of the Date header; nil means time.Now.
	Now func() time.Time
}

// New returns a sender for cfg; cfg.From must be set.
func New(cfg Config) (*Sender, error) {
	if cfg.From.Address == "" {
		return nil, errors.New("smtp: no sender address (LICENSOR_MAIL_FROM)")
	}
	return &Sender{cfg: cfg, Logger: slog.Default(), Now: time.Now}, nil
}

// FromURL returns a sender for an SMTP URL (LICENSOR_SMTP_URL) and a sender address
// (LICENSOR_MAIL_FROM).
func FromURL(rawURL, from string) (*Sender, error) {
	cfg, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	if cfg.From, err = ParseFrom(from); err != nil {
		return nil, err
	}
	return New(cfg)
}

// Config is the sender's configuration.
func (s *Sender) Config() Config { return s.cfg }

// Send delivers m. A refusal of the message, or of every recipient, by the server (a 5xx reply)
// matches mail.ErrPermanent; anything else (the server unreachable, a 4xx reply) is worth a retry.
func (s *Sender) Send(ctx context.Context, m mail.Message) error {
	env, err := compose(s.cfg.From, m, s.Now())
	if err != nil {
		return mail.Permanent(err)
	}
	c, stop, err := s.connect(ctx)
	if err != nil {
		return fmt.Errorf("smtp: %s: %w", s.cfg.Addr(), err)
	}
	defer stop()
	defer c.Close()
	if err := s.transmit(ctx, c, env); err != nil {
		return fmt.Errorf("smtp: %s: %w", s.cfg.Addr(), err)
	}
	return nil
}

// connect dials the server and returns a client that is greeted, secured and authenticated. The
// connection is closed when ctx ends, which interrupts any exchange in progress.
// The returned stop releases that watch.
func (s *Sender) connect(ctx context.Context) (*gosmtp.Client, func() bool, error) {
	conn, err := s.dial(ctx)
	if err != nil {
		return nil, nil, err
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	c, err := s.greet(conn)
	if err != nil {
		stop()
		conn.Close()
		return nil, nil, err
	}
	return c, stop, nil
}

func (s *Sender) dial(ctx context.Context) (net.Conn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.cfg.Addr())
	if err != nil || !s.cfg.ImplicitTLS {
		return conn, err
	}
	tc := tls.Client(conn, s.tlsConfig())
	if err := tc.HandshakeContext(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("tls handshake: %w", err)
	}
	return tc, nil
}

func (s *Sender) tlsConfig() *tls.Config {
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.cfg.TLS != nil {
		c = s.cfg.TLS.Clone()
	}
	c.ServerName = s.cfg.Host
	return c
}

// greet says EHLO, upgrades with STARTTLS when offered and authenticates when configured.
func (s *Sender) greet(conn net.Conn) (*gosmtp.Client, error) {
	c, err := gosmtp.NewClient(conn, s.cfg.Host)
	if err != nil {
		return nil, fmt.Errorf("greeting: %w", err)
	}
	if err := c.Hello(or(s.cfg.LocalName, "localhost")); err != nil {
		return nil, fmt.Errorf("ehlo: %w", err)
	}
	if ok, _ := c.Extension("STARTTLS"); ok && !s.cfg.ImplicitTLS {
		if err := c.StartTLS(s.tlsConfig()); err != nil {
			return nil, fmt.Errorf("starttls: %w", err)
		}
	}
	return c, s.auth(c)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// permanent marks 5xx replies, which say the same thing however often the mail is sent.
func permanent(err error) error {
	var tp *textproto.Error
	if errors.As(err, &tp) && tp.Code >= 500 {
		return mail.Permanent(err)
	}
	return err
}
