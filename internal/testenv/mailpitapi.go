package testenv

import (
	"net/http"
	"testing"
	"time"
)

// MailAddress is an address as Mailpit reports it.
type MailAddress struct {
	Name    string
	Address string
}

// MailSummary is one message of Mailpit's list.
type MailSummary struct {
	ID        string // Mailpit's id, for Message
	MessageID string // the Message-ID header, without angle brackets
	From      MailAddress
	To        []MailAddress
	Subject   string
	Snippet   string
	Created   time.Time
}

// MailMessage is one message with its parts, as Mailpit parsed it.
type MailMessage struct {
	ID        string
	MessageID string
	From      MailAddress
	To        []MailAddress
	Subject   string
	Date      time.Time
	Text      string
	HTML      string
}

// Messages lists the messages Mailpit holds, newest first.
func (m *Mailpit) Messages(t testing.TB) []MailSummary {
	t.Helper()
	var list struct{ Messages []MailSummary }
	m.getJSON(t, "/api/v1/messages?limit=1000", &list)
	return list.Messages
}

// Message returns the message with Mailpit id id ("latest" for the newest).
func (m *Mailpit) Message(t testing.TB, id string) MailMessage {
	t.Helper()
	var msg MailMessage
	m.getJSON(t, "/api/v1/message/"+id, &msg)
	return msg
}

// Headers returns the headers of the message with Mailpit id id.
func (m *Mailpit) Headers(t testing.TB, id string) map[string][]string {
	t.Helper()
	var h map[string][]string
	m.getJSON(t, "/api/v1/message/"+id+"/headers", &h)
	return h
}

// WaitMessages waits until Mailpit holds at least n messages and returns them, failing the test
// after timeout.
func (m *Mailpit) WaitMessages(t testing.TB, n int, timeout time.Duration) []MailSummary {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		list := m.Messages(t)
		if len(list) >= n {
			return list
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit: %d messages after %s, want %d", len(list), timeout, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// DeleteAll deletes every message.
func (m *Mailpit) DeleteAll(t testing.TB) {
	t.Helper()
	req, err := http.NewRequest(http.MethodDelete, m.APIURL+"/api/v1/messages", nil)
	if err != nil {
		t.Fatalf("mailpit: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("mailpit: delete all: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("mailpit: delete all: %s", resp.Status)
	}
}
