package smtp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/testenv"
)

var testMessage = mail.Message{
	To:      []string{"Ada Lovelace <ada@example.com>"},
	Subject: "Confirmez votre adresse",
	Text:    "Open https://portal.example/confirm#token=abc\n",
	HTML:    `<p>Open <a href="https://portal.example/confirm#token=abc">the link</a></p>`,
}

func send(t *testing.T, url string, tweak func(*Config), m mail.Message) error {
	t.Helper()
	s, err := FromURL(url, "Licensor <portal@example.com>")
	if err != nil {
		t.Fatal(err)
	}
	if tweak != nil {
		tweak(&s.cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.Send(ctx, m)
}

func TestSendThroughMailpit(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{})
	if err := send(t, "smtp://"+mp.SMTPAddr, nil, testMessage); err != nil {
		t.Fatal(err)
	}
	list := mp.WaitMessages(t, 1, 5*time.Second)
	got := mp.Message(t, list[0].ID)
	if got.Subject != testMessage.Subject || got.From.Address != "portal@example.com" ||
		len(got.To) != 1 || got.To[0].Address != "ada@example.com" ||
		got.To[0].Name != "Ada Lovelace" {
		t.Errorf("headers: %+v", got)
	}
	if strings.TrimSpace(got.Text) != strings.TrimSpace(testMessage.Text) ||
		!strings.Contains(got.HTML, `href="https://portal.example/confirm#token=abc"`) {
		t.Errorf("parts: text %q html %q", got.Text, got.HTML)
	}
	h := mp.Headers(t, list[0].ID)
	for _, name := range []string{"Date", "Message-Id", "Auto-Submitted", "Mime-Version"} {
		if len(h[name]) != 1 {
			t.Errorf("header %s: %q (all: %v)", name, h[name], h)
		}
	}
}

func TestSendAuthToLocalhostInClear(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{Auth: true})
	if err := send(t, "smtp://ada:s3cret@"+mp.SMTPAddr, nil, testMessage); err != nil {
		t.Fatal(err)
	}
	mp.WaitMessages(t, 1, 5*time.Second)
}

func TestSendSTARTTLS(t *testing.T) {
	t.Parallel()
	cert, key, pool := testCert(t)
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{Auth: true, TLSCert: cert, TLSKey: key,
		RequireSTARTTLS: true})
	url := "smtp://ada:s3cret@" + mp.SMTPAddr
	err := send(t, url, nil, testMessage)
	if err == nil || errors.Is(err, mail.ErrPermanent) {
		t.Fatalf("untrusted certificate: error %v, want a temporary one", err)
	}
	if err := send(t, url, withRoots(pool), testMessage); err != nil {
		t.Fatal(err)
	}
	mp.WaitMessages(t, 1, 5*time.Second)
}

func TestSendImplicitTLS(t *testing.T) {
	t.Parallel()
	cert, key, pool := testCert(t)
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{Auth: true, TLSCert: cert, TLSKey: key,
		ImplicitTLS: true})
	if err := send(t, "smtps://ada:s3cret@"+mp.SMTPAddr, withRoots(pool), testMessage); err != nil {
		t.Fatal(err)
	}
	mp.WaitMessages(t, 1, 5*time.Second)
}

func TestSendRefusedRecipients(t *testing.T) {
	t.Parallel()
	mp := testenv.StartMailpit(t, testenv.MailpitOptions{AllowedRecipients: `@example\.com$`})
	url := "smtp://" + mp.SMTPAddr
	some := testMessage
	some.To = []string{"ok@example.com", "refused@example.org"}
	if err := send(t, url, nil, some); err != nil {
		t.Fatalf("one of two refused: %v", err)
	}
	none := testMessage
	none.To = []string{"refused@example.org"}
	if err := send(t, url, nil, none); !errors.Is(err, mail.ErrPermanent) {
		t.Fatalf("all refused: error %v, want a permanent one", err)
	}
	list := mp.WaitMessages(t, 1, 5*time.Second)
	if got := mp.Message(t, list[0].ID).To; len(list) != 1 || len(got) != 2 {
		t.Errorf("%d messages, To %v; want one, with both To headers", len(list), got)
	}
}

func TestSendServerDown(t *testing.T) {
	t.Parallel()
	port := testenv.FreePort(t)
	err := send(t, fmt.Sprintf("smtp://127.0.0.1:%d", port), nil, testMessage)
	if err == nil || errors.Is(err, mail.ErrPermanent) {
		t.Fatalf("error %v, want a temporary one", err)
	}
}
