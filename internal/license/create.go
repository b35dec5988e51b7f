package license

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/id"
	"github.com/licensorhq/licensor/internal/licensekey"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// ErrVendorOrg refuses a license of the vendor organisation: licenses are sold to clients and
// distributors.
var ErrVendorOrg = errors.New("license: the vendor organisation holds no licenses")

// Create makes a license of organisation orgID (a client or a distributor) with terms t, and its
// key: the only time the key is shown. A license of an organisation whose licenses are suspended starts suspended by it.
// The license copies its organisation's name, on condition that the organisation is unchanged
// when it is written, so a rename either comes before (and is copied) or after (and the
// OrgNames consumer sees the license).
func (s *Service) Create(ctx context.Context, orgID string, t Terms) (License, licensekey.Key,
	error) {
	if err := t.Check(); err != nil {
		return License{}, licensekey.Key{}, err
	}
	var l License
	var key licensekey.Key
	err := retry(func() error {
		o, err := org.Get(ctx, s.Store, orgID)
		if errors.Is(err, store.ErrNotFound) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if o.Kind == org.KindVendor {
			return ErrVendorOrg
		}
		l, key, err = s.create(ctx, o, t)
		return err
	})
	if err != nil {
		return License{}, licensekey.Key{}, fmt.Errorf("create license: %w", err)
	}
	return l, key, nil
}

func (s *Service) create(ctx context.Context, o org.Org, t Terms) (License, licensekey.Key,
	error) {
	susp, err := s.suspension(ctx, o.ID)
	if err != nil {
		return License{}, licensekey.Key{}, err
	}
	key, err := licensekey.Generate()
	if err != nil {
		return License{}, licensekey.Key{}, err
	}
	now, actor := s.now(), audit.OriginFrom(ctx).Actor
	l := License{ID: id.New(id.License, now), OrgID: o.ID, OrgName: o.Name,
		Status: StatusActive, OrgSuspended: susp.Suspended,
		KeyDigest: licensekey.Digest(s.Secret, key.Reveal()), KeyLast4: key.Last4(),
		CreatedAt: now, CreatedBy: actor, UpdatedAt: now, UpdatedBy: actor, Version: 1}
	l = l.withTerms(t)
	ops, err := l.putOps(0)
	if err != nil {
		return License{}, licensekey.Key{}, err
	}
	ref, err := l.refOp()
	if err != nil {
		return License{}, licensekey.Key{}, err
	}
	ops = append(ops, ref, susp.guard(o.ID), orgGuard(o))
	e := event(ctx, now, ActionCreated, l)
	e.Details = map[string]any{"terms": termsDetails(l.terms()), "status": l.Effective()}
	if err := s.write(ctx, e, ops...); err != nil {
		return License{}, licensekey.Key{}, err
	}
	return l, key, nil
}

// termsDetails are terms as audit details show them.
func termsDetails(t Terms) map[string]any {
	return map[string]any{"name": t.Name, "prepaid_cores": t.PrepaidCores,
		"core_price": t.CorePrice, "extra_core_price": t.ExtraCorePrice,
		"currency": t.Currency, "starts_on": t.StartsOn, "ends_on": t.EndsOn}
}

// orgGuard is the check that organisation o is still as read, its name in particular.
func orgGuard(o org.Org) store.Op {
	if o.Version == 0 {
		return store.Check(org.Key(o.ID), store.IfExists()) // written before versions were kept
	}
	return store.Check(org.Key(o.ID), store.IfField("version", store.Eq, o.Version))
}
