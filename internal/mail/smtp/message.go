package smtp

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"net/textproto"
	"strings"
	"time"

	"github.com/licensorhq/licensor/internal/mail"
)

// envelope is a message ready for the SMTP transaction.
type envelope struct {
	to  []string // bare addresses, for RCPT TO
	raw []byte   // the whole message, headers and body, with CRLF line ends
}

// compose builds the MIME message of m from the sender from at time now.
func compose(from netmail.Address, m mail.Message, now time.Time) (envelope, error) {
	if err := m.Validate(); err != nil {
		return envelope{}, err
	}
	var env envelope
	named := make([]string, len(m.To))
	for i, to := range m.To {
		a, err := netmail.ParseAddress(to)
		if err != nil {
			return envelope{}, fmt.Errorf("recipient %q: %w", to, err)
		}
		env.to, named[i] = append(env.to, a.Address), a.String()
	}
	var b bytes.Buffer
	writeHeaders(&b, from, named, m.Subject, now)
	if err := writeBody(&b, m); err != nil {
		return envelope{}, fmt.Errorf("compose mail: %w", err)
	}
	env.raw = b.Bytes()
	return env, nil
}

func writeHeaders(b *bytes.Buffer, from netmail.Address, to []string, subject string,
	now time.Time) {
	h := func(k, v string) { fmt.Fprintf(b, "%s: %s\r\n", k, v) }
	h("From", from.String())
	h("To", strings.Join(to, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", subject))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", messageID(from.Address))
	h("MIME-Version", "1.0")
	// RFC 3834: tells auto-responders (out of office) not to answer.
	h("Auto-Submitted", "auto-generated")
}

// messageID is a unique id in the sender's domain.
func messageID(from string) string {
	var r [16]byte
	_, _ = rand.Read(r[:]) // crypto/rand.Read never fails
	domain := from[strings.LastIndexByte(from, '@')+1:]
	return "<" + hex.EncodeToString(r[:]) + "@" + domain + ">"
}

// writeBody writes a text/plain body, or multipart/alternative with the text part first and the
// HTML part last, as the last part is the one clients prefer.
func writeBody(b *bytes.Buffer, m mail.Message) error {
	if m.HTML == "" {
		fmt.Fprintf(b, "Content-Type: text/plain; charset=utf-8\r\n")
		fmt.Fprintf(b, "Content-Transfer-Encoding: quoted-printable\r\n\r\n")
		return writeQP(b, m.Text)
	}
	mw := multipart.NewWriter(b)
	fmt.Fprintf(b, "Content-Type: multipart/alternative; boundary=%q\r\n\r\n", mw.Boundary())
	for _, p := range []struct{ typ, body string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		w, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {p.typ + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		if err != nil {
			return err
		}
		if err := writeQP(w, p.body); err != nil {
			return err
		}
	}
	return mw.Close()
}

func writeQP(w io.Writer, s string) error {
	qp := quotedprintable.NewWriter(w)
	if _, err := qp.Write([]byte(s)); err != nil {
		return err
	}
	return qp.Close()
}
