// Package mail renders, queues and sends Licensor's mails.
//
// A mail is rendered from a pair of templates (Render), then queued in the outbox: Outbox.Enqueue
// returns the store operation that the caller adds to the same atomic write as the change that
// causes the mail, so a mail exists exactly when its cause was committed. The outbox consumes the
// change feed and sends each new mail once through a Sender; a failed send is retried with a
// backoff over hours by Outbox.Sweep, so an outage of the mail server loses nothing. The protocol
// is described in docs/mail.md and in outbox.go.
//
// Senders: package mail/smtp sends through an SMTP server; LogSender writes each mail to the log
// for local use when no server is set.
package mail

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// Message is one mail. The sender adds From, Date and Message-ID.
type Message struct {
	// To lists the recipients, each an address ("a@example.com") or a named address
	// ("Ada <a@example.com>").
	To      []string `json:"to"`
	Subject string   `json:"subject"`
	// Text is the plain text part; it must say everything the HTML part says, links included.
	Text string `json:"text"`
	// HTML is the HTML part; "" sends a text-only mail.
	HTML string `json:"html,omitempty"`
	// Kind names the template the message was rendered from; it appears in logs.
	Kind string `json:"kind,omitempty"`
}

// MaxRecipients is the most addresses a Message may have.
const MaxRecipients = 50

// Validate checks that the message can be sent: recipients that parse, a one-line subject, a
// text part.
func (m Message) Validate() error {
	if len(m.To) == 0 || len(m.To) > MaxRecipients {
		return fmt.Errorf("mail: %d recipients, want 1 to %d", len(m.To), MaxRecipients)
	}
	for _, to := range m.To {
		if _, err := mail.ParseAddress(to); err != nil {
			return fmt.Errorf("mail: recipient %q: %w", to, err)
		}
	}
	if strings.TrimSpace(m.Subject) == "" || strings.ContainsAny(m.Subject, "\r\n") {
		return errors.New("mail: subject is empty or not one line")
	}
	if strings.TrimSpace(m.Text) == "" {
		return errors.New("mail: text part is empty")
	}
	return nil
}

// Sender sends messages. Implementations are safe for concurrent use.
type Sender interface {
	// Send delivers m, or returns an error; an error that matches ErrPermanent says that trying
	// again cannot succeed (the server refused a recipient or the message).
	Send(ctx context.Context, m Message) error
}

// ErrPermanent is matched by errors of sends that retrying cannot fix.
var ErrPermanent = errors.New("mail: permanent failure")

// Permanent marks err as a failure that retrying cannot fix.
func Permanent(err error) error { return permanentError{err} }

type permanentError struct{ err error }

func (e permanentError) Error() string        { return e.err.Error() }
func (e permanentError) Unwrap() error        { return e.err }
func (e permanentError) Is(target error) bool { return target == ErrPermanent }
