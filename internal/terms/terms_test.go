package terms_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
	"github.com/licensorhq/licensor/internal/terms"
)

var at = time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)

func newService(t *testing.T) *terms.Service {
	t.Helper()
	now := func() time.Time { return at }
	return &terms.Service{Store: teststore.Open(t, store.Options{Now: now}), Now: now}
}

// newUser stores an account for acceptances to update.
func newUser(t *testing.T, s *terms.Service, id string) account.User {
	t.Helper()
	u := account.User{ID: id, Email: id + "@example.com", Name: "User " + id, CreatedAt: at}
	ops, err := account.CreateOps(u)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Store.Write(t.Context(), ops...); err != nil {
		t.Fatal(err)
	}
	u.Version = 1
	return u
}

func TestPublishNumbersVersions(t *testing.T) {
	t.Parallel()
	s := newService(t)
	if _, err := s.Current(t.Context()); !errors.Is(err, terms.ErrNone) {
		t.Fatalf("current of none: %v", err)
	}
	by := account.User{ID: "usr_a", Name: "Ada"}
	for n := 1; n <= 3; n++ {
		v, err := s.Publish(t.Context(), "Text", by)
		if err != nil || v.Number != n || v.PublishedBy != "usr_a" || v.PublisherName != "Ada" ||
			!v.PublishedAt.Equal(at) {
			t.Fatalf("publish %d: %+v %v", n, v, err)
		}
	}
	page, err := s.List(t.Context(), 2, "")
	if err != nil || len(page.Versions) != 2 || page.Versions[0].Number != 3 || page.Cursor == "" {
		t.Fatalf("first page: %+v %v", page, err)
	}
	page, err = s.List(t.Context(), 2, page.Cursor)
	if err != nil || len(page.Versions) != 1 || page.Versions[0].Number != 1 {
		t.Errorf("second page: %+v %v", page, err)
	}
	for _, bad := range []string{"", " \n\t", string([]byte{0xff}), string(make([]byte, 100_001))} {
		if _, err := s.Publish(t.Context(), bad, by); err == nil {
			t.Errorf("text %.10q published", bad)
		}
	}
}

// TestPublishRace: of versions published at once, each gets its own number or ErrRace; none
// overwrites another.
func TestPublishRace(t *testing.T) {
	t.Parallel()
	s := newService(t)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { _, errs[i] = s.Publish(t.Context(), "Text", account.User{ID: "usr_a"}) })
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, terms.ErrRace):
			t.Errorf("publish: %v", err)
		}
	}
	if cur, err := s.CurrentNumber(t.Context()); err != nil || cur != ok || ok == 0 {
		t.Errorf("current %d (%v) after %d publications", cur, err, ok)
	}
}

func TestAccept(t *testing.T) {
	t.Parallel()
	s := newService(t)
	u := newUser(t, s, "usr_b")
	if err := s.Accept(t.Context(), u, 1, "192.0.2.1"); !errors.Is(err, terms.ErrNotCurrent) {
		t.Errorf("accept with none published: %v", err)
	}
	if _, err := s.Publish(t.Context(), "One", account.User{ID: "usr_a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(t.Context(), "Two", account.User{ID: "usr_a"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Accept(t.Context(), u, 1, "192.0.2.1"); !errors.Is(err, terms.ErrNotCurrent) {
		t.Errorf("accept an old version: %v", err)
	}
	for range 2 {
		if err := s.Accept(t.Context(), u, 2, "192.0.2.1"); err != nil {
			t.Fatal(err)
		}
	}
	page, err := s.Acceptances(t.Context(), 2, 10, "")
	if err != nil || len(page.Acceptances) != 1 {
		t.Fatalf("acceptances: %+v %v", page, err)
	}
	a := page.Acceptances[0]
	if a.UserID != u.ID || a.Email != u.Email || a.Version != 2 || a.IP != "192.0.2.1" ||
		!a.AcceptedAt.Equal(at) {
		t.Errorf("acceptance %+v", a)
	}
	got, err := account.Get(t.Context(), s.Store, u.ID)
	if err != nil || got.TermsAccepted != 2 || got.Version != 2 {
		t.Errorf("user after acceptance: %+v %v", got, err)
	}
	if _, err := s.Acceptances(t.Context(), 3, 10, ""); !errors.Is(err, terms.ErrNone) {
		t.Errorf("acceptances of an unpublished version: %v", err)
	}
}
