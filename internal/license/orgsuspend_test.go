package license_test

import (
	"fmt"
	"testing"

	"github.com/licensorhq/licensor/internal/license"
)

func TestSuspendOrg(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	other := e.addOrg(t, "Other")
	var keys []string
	for i := range 14 { // more than one write's worth
		_, key := e.create(t, func(tm *license.Terms) { tm.Name = fmt.Sprint("L", i) })
		keys = append(keys, key)
	}
	own, ownKey := e.create(t, nil)
	if _, err := e.svc.Update(e.ctx, own.ID, license.Patch{Status: ptr("suspended")}); err != nil {
		t.Fatal(err)
	}
	_, otherKey, err := e.svc.Create(e.ctx, other.ID, terms())
	if err != nil {
		t.Fatal(err)
	}
	n, err := e.svc.SuspendOrg(e.ctx, e.client.ID, true)
	if err != nil || n != 15 {
		t.Fatalf("SuspendOrg = %d, %v; want 15", n, err)
	}
	e.wantCodes(t, keys, license.CodeSuspended)
	e.wantCodes(t, []string{otherKey.Reveal()}, license.CodeValid)

	// A license created while the organisation is suspended starts suspended.
	_, late := e.create(t, nil)
	e.wantCodes(t, []string{late}, license.CodeSuspended)

	n, err = e.svc.SuspendOrg(e.ctx, e.client.ID, false)
	if err != nil || n != 16 {
		t.Fatalf("reinstate = %d, %v; want 16", n, err)
	}
	e.wantCodes(t, append(keys, late), license.CodeValid)
	// The license suspended on its own stays so.
	e.wantCodes(t, []string{ownKey}, license.CodeSuspended)
	evs := e.events(t, e.client.ID)
	var actions []string
	for _, ev := range evs {
		if ev.Action == license.ActionOrgSuspended || ev.Action == license.ActionOrgReinstated {
			actions = append(actions, ev.Action)
		}
	}
	if fmt.Sprint(actions) != "[org.licenses_suspended org.licenses_reinstated]" {
		t.Errorf("organisation events %v", actions)
	}
}

func (e *env) wantCodes(t *testing.T, keys []string, code string) {
	t.Helper()
	for i, k := range keys {
		if got := e.validate(t, k).Code; got != code {
			t.Errorf("key %d validates %s; want %s", i, got, code)
		}
	}
}

func TestSuspendOrgTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.create(t, nil)
	if _, err := e.svc.SuspendOrg(e.ctx, e.client.ID, true); err != nil {
		t.Fatal(err)
	}
	if n, err := e.svc.SuspendOrg(e.ctx, e.client.ID, true); err != nil || n != 0 {
		t.Errorf("second SuspendOrg = %d, %v; want 0", n, err)
	}
}

// TestSuspendOrgSeesLicensesMissingFromIndex suspends an organisation whose license is not yet
// in gsi1 (as DynamoDB shows a license for a moment after it is written): the suspension
// reaches it, as the organisation's licenses are listed from its own partition.
func TestSuspendOrgSeesLicensesMissingFromIndex(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	l, key := e.create(t, nil)
	e.dropFromIndex(t, l.ID)
	if n, err := e.svc.SuspendOrg(e.ctx, e.client.ID, true); err != nil || n != 1 {
		t.Fatalf("SuspendOrg = %d, %v; want 1", n, err)
	}
	e.wantCodes(t, []string{key}, license.CodeSuspended)
}
