package account

import (
	"fmt"
	"net/url"
	"time"

	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/store"
)

// The kinds of the mails this package sends. Each is the built-in notice template (text and
// HTML parts) with its own wording; the kind names it in logs.
const (
	KindPasswordReset      = "password_reset"
	KindPasswordChanged    = "password_changed"
	KindPasswordWasReset   = "password_was_reset"
	KindEmailConfirm       = "email_confirm"
	KindEmailChangeNotice  = "email_change_notice"
	KindSetPassword        = "set_password"
	timeLayout             = "2 January 2006 at 15:04 UTC"
	resetPath, confirmPath = "/reset-password", "/confirm-email"
	forgotPath, setupPath  = "/forgot-password", "/setup"
)

// Link returns the link to path under the public URL with token in its fragment.
func (s *Service) Link(path, token string) string {
	return mail.Link(s.publicURL, path, url.Values{"token": {token}})
}

// enqueue renders n as kind to one address and returns the outbox put of it.
func (s *Service) enqueue(kind, to string, n mail.Notice) (store.Op, error) {
	m, err := mail.Render(mail.KindNotice, n)
	if err != nil {
		return store.Op{}, fmt.Errorf("render %s mail: %w", kind, err)
	}
	m.Kind, m.To = kind, []string{to}
	op, err := s.outbox.Enqueue(m)
	if err != nil {
		return store.Op{}, fmt.Errorf("queue %s mail: %w", kind, err)
	}
	return op, nil
}

func hello(u User) string { return "Hello " + u.Name + "," }

func (s *Service) resetMail(u User, token string) (store.Op, error) {
	return s.enqueue(KindPasswordReset, u.Email, mail.Notice{
		Subject:  "Reset your Licensor password",
		Greeting: hello(u),
		Paragraphs: []string{
			"Someone asked to reset the password of your Licensor account, " + u.Email + ". " +
				"If it was you, choose a new password with the link below within the hour.",
			"If it was not you, ignore this mail: your password stays as it is.",
		},
		Action: &mail.Action{Label: "Choose a new password", URL: s.Link(resetPath, token)},
	})
}

func (s *Service) passwordNotice(u User, kind string, at time.Time) (store.Op, error) {
	what := "was changed on " + at.UTC().Format(timeLayout) +
		". Your other sessions were signed out."
	subject := "Your Licensor password was changed"
	if kind == KindPasswordWasReset {
		what = "was reset with a mailed link on " + at.UTC().Format(timeLayout) +
			". Every session was signed out."
		subject = "Your Licensor password was reset"
	}
	return s.enqueue(kind, u.Email, mail.Notice{
		Subject:  subject,
		Greeting: hello(u),
		Paragraphs: []string{"The password of your Licensor account " + what,
			"If you did not do this, reset your password at once with the link below and " +
				"tell your administrator."},
		Action: &mail.Action{Label: "Reset your password",
			URL: mail.Link(s.publicURL, forgotPath, nil)},
	})
}

func (s *Service) confirmMail(u User, newAddr, token string) (store.Op, error) {
	return s.enqueue(KindEmailConfirm, newAddr, mail.Notice{
		Subject:  "Confirm your new address for Licensor",
		Greeting: hello(u),
		Paragraphs: []string{
			"You asked to use " + newAddr + " as the address of your Licensor account. " +
				"Confirm it with the link below within the hour; until then your account " +
				"keeps its current address.",
			"If you did not ask for this, ignore this mail.",
		},
		Action: &mail.Action{Label: "Confirm this address", URL: s.Link(confirmPath, token)},
	})
}

func (s *Service) changeNotice(u User, newAddr string) (store.Op, error) {
	return s.enqueue(KindEmailChangeNotice, u.Email, mail.Notice{
		Subject:  "A change of your Licensor address was asked for",
		Greeting: hello(u),
		Paragraphs: []string{
			"Someone signed in to your Licensor account asked to change its address from " +
				u.Email + " to " + newAddr + ". The change happens only once the new address " +
				"confirms it.",
			"If it was not you, change your password at once and tell your administrator.",
		},
	})
}

// SetPasswordMail returns the outbox put of the mail that brings a new account's set-password
// link (from `licensor admin create-user`).
func (s *Service) SetPasswordMail(u User, token string) (store.Op, error) {
	return s.enqueue(KindSetPassword, u.Email, mail.Notice{
		Subject:  "Your Licensor account",
		Greeting: hello(u),
		Paragraphs: []string{
			"An account was made for you on Licensor, with the address " + u.Email + ". " +
				"Choose its password with the link below within 24 hours.",
		},
		Action: &mail.Action{Label: "Choose your password", URL: s.Link(setupPath, token)},
	})
}
