package smtp

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/mail"
)

var testFrom = netmail.Address{Name: "Licensor Pörtal", Address: "portal@example.com"}

func TestComposeAlternative(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a long line with an ünïcode word ", 10)
	m := mail.Message{To: []string{"Ada Lovelace <ada@example.com>", "bob@example.org"},
		Subject: "Réinitialisez votre mot de passe", Text: long + "\nhttps://x.example/#token=a=b\n",
		HTML: "<p>" + long + "</p>"}
	env, err := compose(testFrom, m, time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(env.to, " "); got != "ada@example.com bob@example.org" {
		t.Errorf("envelope recipients %q", got)
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(env.raw))
	if err != nil {
		t.Fatal(err)
	}
	checkHeaders(t, msg.Header, m.Subject)
	parts := readParts(t, msg)
	if parts["text/plain"] != m.Text || parts["text/html"] != m.HTML {
		t.Errorf("parts %q, want the text and the HTML back", parts)
	}
	checkLineLengths(t, env.raw)
}

func checkHeaders(t *testing.T, h netmail.Header, subject string) {
	t.Helper()
	dec := new(mime.WordDecoder)
	if s, err := dec.DecodeHeader(h.Get("Subject")); err != nil || s != subject {
		t.Errorf("Subject %q decodes to %q (%v)", h.Get("Subject"), s, err)
	}
	from, err := h.AddressList("From")
	if err != nil || len(from) != 1 || *from[0] != testFrom {
		t.Errorf("From %q: %v %v", h.Get("From"), from, err)
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 2 || to[0].Name != "Ada Lovelace" {
		t.Errorf("To %q: %v %v", h.Get("To"), to, err)
	}
	if d, err := h.Date(); err != nil || !d.Equal(time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)) {
		t.Errorf("Date %q: %v", h.Get("Date"), err)
	}
	id := h.Get("Message-ID")
	if !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@example.com>") {
		t.Errorf("Message-ID %q", id)
	}
}

// readParts decodes the parts of a multipart/alternative message by content type.
func readParts(t *testing.T, msg *netmail.Message) map[string]string {
	t.Helper()
	typ, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || typ != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	parts := map[string]string{}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextPart() // decodes quoted-printable
		if errors.Is(err, io.EOF) {
			return parts
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		pt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		parts[pt] = strings.ReplaceAll(string(b), "\r\n", "\n")
	}
}

// checkLineLengths holds the message to SMTP's line limit and CRLF line ends.
func checkLineLengths(t *testing.T, raw []byte) {
	t.Helper()
	for line := range strings.SplitSeq(string(raw), "\r\n") {
		if len(line) > 998 || strings.ContainsAny(line, "\r\n") {
			t.Fatalf("bad line %q", line)
		}
	}
}

func TestComposeTextOnly(t *testing.T) {
	t.Parallel()
	m := mail.Message{To: []string{"ada@example.com"}, Subject: "Hi", Text: "Hello\n"}
	env, err := compose(testFrom, m, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(env.raw))
	if err != nil {
		t.Fatal(err)
	}
	if ct := msg.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestComposeRefusesHeaderInjection(t *testing.T) {
	t.Parallel()
	for name, m := range map[string]mail.Message{
		"subject": {To: []string{"a@example.com"}, Subject: "Hi\r\nBcc: e@evil.example", Text: "x"},
		"to":      {To: []string{"a@example.com\r\nBcc: e@evil.example"}, Subject: "Hi", Text: "x"},
		"no_to":   {Subject: "Hi", Text: "x"},
	} {
		if _, err := compose(testFrom, m, time.Now()); err == nil {
			t.Errorf("%s: compose accepted %q", name, m)
		}
	}
}
