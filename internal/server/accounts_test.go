package server

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

var setupLinkRe = regexp.MustCompile(`http://localhost:8080/setup#token=[A-Za-z0-9_-]+`)

// TestFirstStartPrintsSetupLink: the first start on an empty store prints one setup link; a
// later start on the same data prints no new link but a reminder while it is unused; the link
// makes the first vendor admin.
func TestFirstStartPrintsSetupLink(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	first := startWith(t, cfg)
	links := setupLinkRe.FindAllString(first.logs.String(), -1)
	if len(links) != 1 {
		t.Fatalf("first start printed %d setup links, want 1:\n%s", len(links), first.logs)
	}
	if err := first.stop(); err != nil {
		t.Fatal(err)
	}

	second := startWith(t, cfg)
	defer second.stop()
	if setupLinkRe.MatchString(second.logs.String()) ||
		!strings.Contains(second.logs.String(), "no admin yet") {
		t.Errorf("second start log:\n%s", second.logs)
	}
	token := links[0][strings.Index(links[0], "=")+1:]
	body := `{"token":"` + token + `","email":"ada@vendor.example","name":"Ada",` +
		`"password":"the first admin's password"}`
	resp, err := http.Post(second.base+"/api/v1/setup", "application/json",
		strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("setup with the printed link: %d", resp.StatusCode)
	}
	if waiting, err := second.domain.accounts.Setup.NeedsAdmin(context.Background()); waiting ||
		err != nil {
		t.Errorf("NeedsAdmin after setup: %v %v", waiting, err)
	}
}
