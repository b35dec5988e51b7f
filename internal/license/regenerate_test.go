package license_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/store"
)

func TestRegenerate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, oldKey := e.create(t, nil)
	got, newKey, err := e.svc.Regenerate(e.ctx, l.ID)
	if err != nil {
		t.Fatal(err)
	}
	fresh := newKey.Reveal()
	if fresh == oldKey || got.KeyLast4 != fresh[len(fresh)-4:] || got.Version != 2 {
		t.Errorf("Regenerate = %+v with key ...%s", got, newKey.Last4())
	}
	if _, err := e.svc.Validate(t.Context(), oldKey); !errors.Is(err, license.ErrInvalidKey) {
		t.Errorf("old key after regeneration: %v; want invalid", err)
	}
	if a := e.validate(t, fresh); a.Code != license.CodeValid || a.Record.LicenseID != l.ID {
		t.Errorf("new key validates %+v", a)
	}
	if _, err := e.st.Get(t.Context(), license.RecordKey(l.KeyDigest)); !errors.Is(err,
		store.ErrNotFound) {
		t.Errorf("old validation record still there: %v", err)
	}
	evs := e.events(t, e.client.ID)
	last := evs[len(evs)-1]
	if last.Action != license.ActionKeyRegenerated || last.Actor != e.admin.ID ||
		last.Details["after_last4"] != got.KeyLast4 {
		t.Errorf("event %+v; want license.key_regenerated", last)
	}
}

func TestRegenerateMailsAdmins(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, _ := e.create(t, nil)
	_, key, err := e.svc.Regenerate(e.ctx, l.ID)
	if err != nil {
		t.Fatal(err)
	}
	ms := e.mails(t)
	if len(ms) != 1 {
		t.Fatalf("%d mails queued; want 1", len(ms))
	}
	m := ms[0]
	if strings.Join(m.To, ",") != "ada@acme.example" || m.Kind != license.KindKeyRegenerated {
		t.Errorf("mail to %v of kind %s; want the admin only", m.To, m.Kind)
	}
	for name, part := range map[string]string{"text": m.Text, "html": m.HTML} {
		if !strings.Contains(part, key.Last4()) || !strings.Contains(part, "Production") ||
			!strings.Contains(part, "https://licensor.example/licenses/"+l.ID) {
			t.Errorf("%s part lacks the last 4, the license or its link:\n%s", name, part)
		}
		if strings.Contains(part, key.Reveal()[4:20]) {
			t.Errorf("%s part holds the key", name)
		}
	}
	if !strings.Contains(m.Subject, "Production") || !strings.Contains(m.Subject, "Acme Ltd") {
		t.Errorf("subject %q", m.Subject)
	}
}

func TestRegenerateTwiceOnlyLastWorks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, first := e.create(t, nil)
	_, second, err := e.svc.Regenerate(e.ctx, l.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, third, err := e.svc.Regenerate(e.ctx, l.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{first, second.Reveal()} {
		if _, err := e.svc.Validate(t.Context(), k); !errors.Is(err, license.ErrInvalidKey) {
			t.Errorf("replaced key: %v; want invalid", err)
		}
	}
	if a := e.validate(t, third.Reveal()); a.Code != license.CodeValid {
		t.Errorf("last key: %s", a.Code)
	}
}

// TestKeyOfAnotherLicense checks that each key opens its own license only.
func TestKeyOfAnotherLicense(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, keyA := e.create(t, nil)
	b, keyB := e.create(t, func(tm *license.Terms) { tm.Name = "Staging" })
	if got := e.validate(t, keyA); got.Record.LicenseID != a.ID {
		t.Errorf("key of %s opens %s", a.ID, got.Record.LicenseID)
	}
	if got := e.validate(t, keyB); got.Record.LicenseID != b.ID || got.Record.Name != "Staging" {
		t.Errorf("key of %s opens %s", b.ID, got.Record.LicenseID)
	}
}
