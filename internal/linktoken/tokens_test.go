package linktoken_test

import (
	"errors"
	"maps"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/secret"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/testenv"
)

func TestIssueAndOpen(t *testing.T) {
	t.Parallel()
	tk, st, c := open(t)
	payload := map[string]string{"email": "new@example.com"}
	text := issue(t, tk, linktoken.EmailChange, "usr_1", payload)
	if secret.Parse(text) != nil {
		t.Fatalf("token %q is not a secret token", text)
	}
	tok, err := tk.Open(t.Context(), linktoken.EmailChange, text)
	if err != nil {
		t.Fatal(err)
	}
	if tok.Subject != "usr_1" || !maps.Equal(tok.Payload, payload) ||
		!tok.ExpiresAt.Equal(c.Now().Add(time.Hour)) {
		t.Errorf("opened %+v", tok)
	}
	// Only the digest is stored: no item holds the token's text.
	page, err := st.Query(t.Context(), store.Query{PK: "token#" + secret.Digest(text)})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("token item: %v %v", page, err)
	}
	if strings.Contains(string(page.Items[0].Body), text) {
		t.Error("the stored token holds its text")
	}
}

func TestOpenRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// prepare returns the text to open for purpose Reset.
		prepare func(t *testing.T, tk *linktoken.Tokens, c *testenv.Clock) string
	}{
		{"malformed", func(*testing.T, *linktoken.Tokens, *testenv.Clock) string { return "abc" }},
		{"unknown", func(*testing.T, *linktoken.Tokens, *testenv.Clock) string {
			text, _ := secret.New()
			return text
		}},
		{"wrong_purpose", func(t *testing.T, tk *linktoken.Tokens, _ *testenv.Clock) string {
			return issue(t, tk, linktoken.EmailChange, "usr_1", nil)
		}},
		{"expired", func(t *testing.T, tk *linktoken.Tokens, c *testenv.Clock) string {
			text := issue(t, tk, linktoken.Reset, "usr_1", nil)
			c.Advance(time.Hour)
			return text
		}},
		{"voided", func(t *testing.T, tk *linktoken.Tokens, _ *testenv.Clock) string {
			text := issue(t, tk, linktoken.Reset, "usr_1", nil)
			issue(t, tk, linktoken.Reset, "usr_1", nil)
			return text
		}},
		{"used", func(t *testing.T, tk *linktoken.Tokens, _ *testenv.Clock) string {
			text := issue(t, tk, linktoken.Reset, "usr_1", nil)
			consume(t, tk, text)
			return text
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tk, _, c := open(t)
			text := tt.prepare(t, tk, c)
			if _, err := tk.Open(t.Context(), linktoken.Reset, text); !errors.Is(err,
				linktoken.ErrInvalid) {
				t.Errorf("Open = %v, want ErrInvalid", err)
			}
		})
	}
}

func consume(t *testing.T, tk *linktoken.Tokens, text string) {
	t.Helper()
	tok, err := tk.Open(t.Context(), linktoken.Reset, text)
	if err != nil {
		t.Fatal(err)
	}
	if err := tk.Store.Write(t.Context(), tok.ConsumeOps()...); err != nil {
		t.Fatal(err)
	}
}

func TestLifetimes(t *testing.T) {
	t.Parallel()
	for p, life := range map[linktoken.Purpose]time.Duration{linktoken.Reset: time.Hour,
		linktoken.EmailChange: time.Hour, linktoken.Invitation: 7 * 24 * time.Hour,
		linktoken.Setup: 24 * time.Hour} {
		tk, _, c := open(t)
		text := issue(t, tk, p, "subject", nil)
		c.Advance(life - time.Second)
		if _, err := tk.Open(t.Context(), p, text); err != nil {
			t.Errorf("%s a second before its end: %v", p, err)
		}
		c.Advance(time.Second)
		if _, err := tk.Open(t.Context(), p, text); !errors.Is(err, linktoken.ErrInvalid) {
			t.Errorf("%s at its end: %v, want ErrInvalid", p, err)
		}
	}
}

// TestConsumeOnce submits one token from 20 goroutines at once: exactly one write commits.
func TestConsumeOnce(t *testing.T) {
	t.Parallel()
	tk, st, _ := open(t)
	text := issue(t, tk, linktoken.Reset, "usr_1", nil)
	var wins, losses atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			tok, err := tk.Open(t.Context(), linktoken.Reset, text)
			if errors.Is(err, linktoken.ErrInvalid) {
				losses.Add(1)
				return
			}
			if err != nil {
				t.Error(err)
				return
			}
			err = st.Write(t.Context(), tok.ConsumeOps()...)
			switch {
			case err == nil:
				wins.Add(1)
			case linktoken.Consumed(err, 0):
				losses.Add(1)
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if wins.Load() != 1 || losses.Load() != 19 {
		t.Errorf("%d writes won and %d lost; want 1 and 19", wins.Load(), losses.Load())
	}
}

func TestIssueRefusesUnknownPurpose(t *testing.T) {
	t.Parallel()
	tk, _, _ := open(t)
	if _, _, _, err := tk.Issue("nonsense", "usr_1", nil); err == nil {
		t.Error("Issue of an unknown purpose succeeded")
	}
	if _, _, _, err := tk.Issue(linktoken.Reset, "", nil); err == nil {
		t.Error("Issue without a subject succeeded")
	}
}
