package terms

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/store"
)

// Accept records that u accepted version n from ip, which must be the current version
// (ErrNotCurrent otherwise). Accepting a version again changes nothing. It returns the version.
func (s *Service) Accept(ctx context.Context, u account.User, n int, ip string) error {
	cur, err := s.CurrentNumber(ctx)
	if err != nil {
		return err
	}
	if cur == 0 || n != cur {
		return ErrNotCurrent
	}
	if u.TermsAccepted == n {
		return nil
	}
	a := Acceptance{UserID: u.ID, Name: u.Name, Email: u.Email, Version: n,
		AcceptedAt: s.now(), IP: ip}
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode acceptance: %w", err)
	}
	e := audit.New(ctx, a.AcceptedAt, audit.TermsAccepted)
	e.Target = u.ID
	e.Details = map[string]any{"before": u.TermsAccepted, "after": n}
	ev, err := e.Op()
	if err != nil {
		return err
	}
	put := store.Put(store.Item{Key: acceptanceKey(n, u.ID), Type: AcceptanceType, Body: body}).
		When(store.IfNotExists())
	err = s.Store.Write(ctx, put, account.TermsAcceptedOp(u.ID, n, a.AcceptedAt), ev)
	var ce *store.ConditionError
	if errors.As(err, &ce) && ce.Index == 0 {
		return nil // accepted by a concurrent request of the same user
	}
	if err != nil {
		return fmt.Errorf("accept terms version %d: %w", n, err)
	}
	return nil
}

// AcceptancePage is one page of the acceptances of a version.
type AcceptancePage struct {
	Acceptances []Acceptance
	Cursor      string
}

// Acceptances lists who accepted version n, up to limit per page; ErrNone for a version that
// was never published.
func (s *Service) Acceptances(ctx context.Context, n, limit int, cursor string) (
	AcceptancePage, error) {
	if _, err := s.Get(ctx, n); err != nil {
		return AcceptancePage{}, err
	}
	page, err := s.Store.Query(ctx, store.Query{PK: acceptancePK(n), Prefix: "acceptance#",
		Limit: limit, Cursor: cursor})
	if err != nil {
		return AcceptancePage{}, fmt.Errorf("list acceptances of version %d: %w", n, err)
	}
	out := AcceptancePage{Cursor: page.Cursor}
	for _, it := range page.Items {
		var a Acceptance
		if err := it.Decode(&a); err != nil {
			return AcceptancePage{}, fmt.Errorf("decode acceptance %s: %w", it.SK, err)
		}
		out.Acceptances = append(out.Acceptances, a)
	}
	return out, nil
}

// VersionPage is one page of versions, newest first.
type VersionPage struct {
	Versions []Version
	Cursor   string
}

// List lists the published versions, newest first, up to limit per page, text included.
func (s *Service) List(ctx context.Context, limit int, cursor string) (VersionPage, error) {
	page, err := s.Store.Query(ctx, store.Query{PK: pk, Prefix: "version#", Backward: true,
		Limit: limit, Cursor: cursor})
	if err != nil {
		return VersionPage{}, fmt.Errorf("list terms versions: %w", err)
	}
	out := VersionPage{Cursor: page.Cursor}
	for _, it := range page.Items {
		v, err := decode(it)
		if err != nil {
			return VersionPage{}, err
		}
		out.Versions = append(out.Versions, v)
	}
	return out, nil
}
