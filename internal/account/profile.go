package account

import (
	"context"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/store"
)

// Rename sets u's name and returns the user as changed, audited with the name before and
// after in the same write. The same name changes nothing and writes no event.
func (s *Service) Rename(ctx context.Context, u User, name string) (User, error) {
	name, err := CleanName("name", name)
	if err != nil {
		return User{}, err
	}
	if name == u.Name {
		return u, nil
	}
	before := u.Name
	u.Name = name
	op, err := SaveOp(u)
	if err != nil {
		return User{}, err
	}
	e := audit.New(ctx, s.now(), audit.UserRenamed)
	e.Target, e.Details = u.ID, map[string]any{"before": before, "after": name}
	ev, err := e.Op()
	if err != nil {
		return User{}, err
	}
	if err := s.st.Write(ctx, op, ev); err != nil {
		return User{}, fmt.Errorf("rename %s: %w", u.ID, err)
	}
	u.Version++
	return u, nil
}

// TermsAcceptedOp returns the update that records that user accepted terms version at time at,
// for the write of the acceptance. It raises the user's version, so that no concurrent change
// of the user overwrites it.
func TermsAcceptedOp(userID string, version int, at time.Time) store.Op {
	return store.Update(Key(userID), map[string]any{"terms_accepted_version": version,
		"terms_accepted_at": at.UTC()}, map[string]int64{"version": 1}).When(store.IfExists())
}
