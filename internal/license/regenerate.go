package license

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/licensekey"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// KindKeyRegenerated is the mail that tells an organisation's admins of a new key.
const KindKeyRegenerated = "license_key_regenerated"

// Regenerate gives license id a new key, shown this once. In the same write the old key's
// validation record is deleted (the old key fails on its next use), the change is audited and
// the organisation's admins are mailed.
func (s *Service) Regenerate(ctx context.Context, id string) (License, licensekey.Key, error) {
	var l License
	var key licensekey.Key
	err := retry(func() error {
		cur, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		l, key, err = s.regenerate(ctx, cur)
		return err
	})
	if err != nil {
		return License{}, licensekey.Key{}, fmt.Errorf("regenerate key of %s: %w", id, err)
	}
	return l, key, nil
}

func (s *Service) regenerate(ctx context.Context, cur License) (License, licensekey.Key, error) {
	key, err := licensekey.Generate()
	if err != nil {
		return License{}, licensekey.Key{}, err
	}
	now := s.now()
	next := cur
	next.KeyDigest, next.KeyLast4 = licensekey.Digest(s.Secret, key.Reveal()), key.Last4()
	next.UpdatedAt, next.UpdatedBy, next.Version = now, audit.OriginFrom(ctx).Actor, cur.Version+1
	ops, err := next.putOps(cur.Version)
	if err != nil {
		return License{}, licensekey.Key{}, err
	}
	ops = append(ops, store.Delete(RecordKey(cur.KeyDigest)))
	mails, err := s.regeneratedMail(ctx, next, now)
	if err != nil {
		return License{}, licensekey.Key{}, err
	}
	e := event(ctx, now, ActionKeyRegenerated, next)
	e.Details = map[string]any{"before_last4": cur.KeyLast4, "after_last4": next.KeyLast4}
	if err := s.write(ctx, e, append(ops, mails...)...); err != nil {
		return License{}, licensekey.Key{}, err
	}
	return next, key, nil
}

// KeyMail is the data of the license_key_regenerated mail.
type KeyMail struct {
	License License
	// By names who regenerated the key; "" when unknown.
	By string
	At string
	// URL is the license's page.
	URL string
}

// regeneratedMail returns the outbox put of the mail to the admins of l's organisation; none
// when it has no admin or the service has no outbox.
func (s *Service) regeneratedMail(ctx context.Context, l License, at time.Time) ([]store.Op,
	error) {
	to, err := s.admins(ctx, l.OrgID)
	if err != nil || len(to) == 0 || s.Outbox == nil {
		return nil, err
	}
	data := KeyMail{License: l, By: s.actorName(ctx), At: at.Format("2 January 2006 at 15:04 UTC")}
	if s.PublicURL != nil {
		data.URL = mail.Link(s.PublicURL, "/licenses/"+l.ID, nil)
	}
	m, err := mail.Render(KindKeyRegenerated, data)
	if err != nil {
		return nil, fmt.Errorf("render %s mail: %w", KindKeyRegenerated, err)
	}
	m.To = to
	op, err := s.Outbox.Enqueue(m)
	if err != nil {
		return nil, fmt.Errorf("queue %s mail: %w", KindKeyRegenerated, err)
	}
	return []store.Op{op}, nil
}

// admins returns the addresses of the admins of orgID, at most mail.MaxRecipients.
func (s *Service) admins(ctx context.Context, orgID string) ([]string, error) {
	ms, err := org.Members(ctx, s.Store, orgID, 0)
	if err != nil {
		return nil, err
	}
	var to []string
	for _, m := range ms {
		if m.Role != org.RoleAdmin || len(to) == mail.MaxRecipients {
			continue
		}
		u, err := account.Get(ctx, s.Store, m.UserID)
		if errors.Is(err, store.ErrNotFound) {
			continue // a membership left behind by a removed account
		}
		if err != nil {
			return nil, err
		}
		to = append(to, u.Email)
	}
	return to, nil
}

// actorName names the acting user for the mail, "" when unknown.
func (s *Service) actorName(ctx context.Context) string {
	uid := audit.OriginFrom(ctx).Actor
	if uid == "" {
		return ""
	}
	u, err := account.Get(ctx, s.Store, uid)
	if err != nil {
		return ""
	}
	return u.Name + " (" + u.Email + ")"
}
