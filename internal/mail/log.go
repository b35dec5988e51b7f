package mail

import (
	"context"
	"log/slog"
	"regexp"
)

// LogSender writes each message to a logger instead of sending it, for running Licensor locally
// without a mail server: a person following the log can open the links.
//
// It is the one documented exception to the rule that no token reaches a log: the text part,
// with its reset, confirmation and invitation links, is logged in full. Use it only where the log
// is as private as the mailboxes would be (a developer's terminal), never in production.
type LogSender struct {
	// Logger receives the messages; nil means slog.Default().
	Logger *slog.Logger
	// From is shown as the sender, as an SMTP sender would set it.
	From string
}

// Send logs m at info level and never fails.
func (s LogSender) Send(ctx context.Context, m Message) error {
	l := s.Logger
	if l == nil {
		l = slog.Default()
	}
	l.InfoContext(ctx, "mail not sent: no SMTP server is set; here it is",
		"from", s.From, "to", m.To, "subject", m.Subject, "kind", m.Kind,
		"links", linkPattern.FindAllString(m.Text, -1), "text", m.Text)
	return nil
}

// linkPattern finds the links of a text part, logged apart so that they are easy to open.
var linkPattern = regexp.MustCompile(`https?://[^\s<>"]+`)
