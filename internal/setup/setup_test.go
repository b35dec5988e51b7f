package setup_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/password"
	"github.com/licensorhq/licensor/internal/setup"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/teststore"
)

var client = account.Client{IP: "192.0.2.9", UserAgent: "curl/8"}

func newService(t *testing.T, now func() time.Time) *setup.Service {
	t.Helper()
	st := teststore.Open(t, store.Options{Now: now})
	public, _ := url.Parse("https://portal.example")
	acc := account.New(account.Config{Store: st, PublicURL: public, Now: now,
		Hasher: &password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}},
		Outbox: mail.NewOutbox(st, nil, mail.Options{Now: now})})
	return &setup.Service{Accounts: acc, Now: now}
}

func token(t *testing.T, link string) string {
	t.Helper()
	_, tok, ok := strings.Cut(link, "/setup#token=")
	if !ok {
		t.Fatalf("not a setup link: %q", link)
	}
	return tok
}

// TestCreateUserVendorAdmin: the first vendor admin made from the shell creates the vendor
// organisation; the second joins it.
func TestCreateUserVendorAdmin(t *testing.T) {
	t.Parallel()
	s := newService(t, nil)
	st := s.Accounts.Store()
	var ids []string
	for _, addr := range []string{"ada@vendor.example", "bea@vendor.example"} {
		link, err := s.CreateUser(t.Context(), addr, "Admin", true)
		if err != nil {
			t.Fatal(err)
		}
		started, err := s.Complete(t.Context(), setup.Input{Token: token(t, link),
			Password: "a long enough password"}, client)
		if err != nil || started.User.Email != addr || started.Token == "" {
			t.Fatalf("complete: %+v %v", started, err)
		}
		ids = append(ids, started.User.ID)
	}
	v, err := org.Vendor(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		ms, err := org.MembershipsOf(t.Context(), st, id)
		if err != nil || len(ms) != 1 || ms[0].OrgID != v.ID || ms[0].Role != org.RoleAdmin {
			t.Errorf("memberships of %s: %+v %v", id, ms, err)
		}
	}
	if link, err := s.FirstStart(t.Context()); link != "" || err != nil {
		t.Errorf("first start after create-user: %q %v", link, err)
	}
}

func TestCreateUserRefused(t *testing.T) {
	t.Parallel()
	s := newService(t, nil)
	if _, err := s.CreateUser(t.Context(), "zoe@client.example", "Zoe", false); err != nil {
		t.Fatal(err)
	}
	before, err := account.ByEmail(t.Context(), s.Accounts.Store(), "zoe@client.example")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(t.Context(), " ZOE@client.example", "Other",
		true); !errors.Is(err, setup.ErrExists) {
		t.Errorf("same address: %v", err)
	}
	after, _ := account.ByEmail(t.Context(), s.Accounts.Store(), "zoe@client.example")
	if after != before {
		t.Errorf("the account changed: %+v", after)
	}
	if _, err := org.Vendor(t.Context(), s.Accounts.Store()); !errors.Is(err, org.ErrNoVendor) {
		t.Errorf("a refused vendor admin created the vendor organisation: %v", err)
	}
	for _, tt := range []struct{ email, name string }{{"zoe", "Zoe"}, {"a@b.example", ""},
		{"", "Zoe"}} {
		var fe *account.FieldError
		if _, err := s.CreateUser(t.Context(), tt.email, tt.name, false); !errors.As(err, &fe) {
			t.Errorf("%q %q: %v, want a field error", tt.email, tt.name, err)
		}
	}
}

// TestFirstAdminTakenAddress: a first admin link used with an address that has an account is
// refused, and the link stays usable.
func TestFirstAdminTakenAddress(t *testing.T) {
	t.Parallel()
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	s := newService(t, func() time.Time { return now })
	link, err := s.FirstStart(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(t.Context(), "zoe@client.example", "Zoe", false); err != nil {
		t.Fatal(err)
	}
	in := setup.Input{Token: token(t, link), Email: "zoe@client.example", Name: "Zoe",
		Password: "a long enough password"}
	if _, err := s.Complete(t.Context(), in, client); !errors.Is(err, account.ErrEmailTaken) {
		t.Errorf("taken address: %v", err)
	}
	in.Email = "ada@vendor.example"
	if _, err := s.Complete(t.Context(), in, client); err != nil {
		t.Errorf("the link after a refusal: %v", err)
	}
	if _, err := s.Complete(t.Context(), in, client); !errors.Is(err, linktoken.ErrInvalid) {
		t.Errorf("used twice: %v", err)
	}
}
