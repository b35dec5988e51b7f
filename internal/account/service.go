package account

import (
	"log/slog"
	"net/url"
	"time"

	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/password"
	"github.com/licensorhq/licensor/internal/session"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/throttle"
)

// Config is what a Service is made from. Store, Outbox and PublicURL are required.
type Config struct {
	Store  store.Store
	Outbox *mail.Outbox
	// PublicURL is the base of links in mails (LICENSOR_PUBLIC_URL).
	PublicURL *url.URL
	// Hasher hashes passwords; nil means password.Default.
	Hasher Hasher
	// Sessions makes sessions; nil means a Manager on Store with the default limits.
	Sessions *session.Manager
	// Tokens makes mailed tokens; nil means Tokens on Store with the default lifetimes.
	Tokens *linktoken.Tokens
	// ResetMails is how many reset mails one address may get an hour (default 3).
	ResetMails int
	Logger     *slog.Logger
	// Now is the clock; nil means time.Now. Give the store the same clock.
	Now func() time.Time
}

// Service does what users do with their accounts. It is safe for concurrent use.
type Service struct {
	st        store.Store
	outbox    *mail.Outbox
	publicURL *url.URL
	hasher    Hasher
	sessions  *session.Manager
	tokens    *linktoken.Tokens
	log       *slog.Logger
	now       func() time.Time
	// signInLock locks an address after failed attempts; signInIP limits attempts per IP;
	// resetMails limits reset mails per address.
	signInLock *throttle.Backoff
	signInIP   *throttle.Bucket
	resetMails *throttle.Bucket
}

// New returns the Service of cfg.
func New(cfg Config) *Service {
	s := &Service{st: cfg.Store, outbox: cfg.Outbox, publicURL: cfg.PublicURL,
		hasher: cfg.Hasher, sessions: cfg.Sessions, tokens: cfg.Tokens, log: cfg.Logger,
		now: cfg.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if s.hasher == nil {
		s.hasher = password.Default
	}
	if s.sessions == nil {
		s.sessions = &session.Manager{Store: cfg.Store, Now: s.now}
	}
	if s.tokens == nil {
		s.tokens = &linktoken.Tokens{Store: cfg.Store, Now: s.now}
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	rate := cfg.ResetMails
	if rate <= 0 {
		rate = 3
	}
	s.signInLock = &throttle.Backoff{Store: cfg.Store, Name: "signin", Now: s.now}
	s.signInIP = &throttle.Bucket{Store: cfg.Store, Name: "signin_ip", Now: s.now}
	s.resetMails = &throttle.Bucket{Store: cfg.Store, Name: "reset_mail", Rate: rate,
		Per: time.Hour, Burst: rate, Now: s.now}
	return s
}

// Sessions returns the session manager the service signs in with.
func (s *Service) Sessions() *session.Manager { return s.sessions }

// Tokens returns the mailed tokens the service issues.
func (s *Service) Tokens() *linktoken.Tokens { return s.tokens }

// Store returns the store the service keeps accounts in.
func (s *Service) Store() store.Store { return s.st }
