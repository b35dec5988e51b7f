package license

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/org"
	"github.com/licensorhq/licensor/internal/store"
)

// OrgNames is the change-feed consumer that keeps the organisation's name that each license
// and its validation record copy (so that validation costs one Get) equal to the name the
// organisation has now. The org item type must be streamed.
//
// A rename reaches the licenses a moment after it commits: in the time the feed takes to
// deliver it (well under a second on one process; seconds through DynamoDB Streams), the
// licenses and validation answers show the old name. Handle writes the name the organisation
// has when it runs, not the one the change carries, so a change delivered again, or late after
// a second rename, writes nothing stale.
type OrgNames struct {
	Store store.Store
}

// Name is the consumer's name in the change feed.
func (*OrgNames) Name() string { return "license_org_names" }

// Handle acts on the renames of organisations and ignores every other change.
func (c *OrgNames) Handle(ctx context.Context, ch store.Change) error {
	if ch.Type != org.ItemType || ch.Old == nil || ch.New == nil {
		return nil // a creation has no licenses yet; a removal leaves nothing to name
	}
	var was, now org.Org
	if err := errors.Join(ch.Old.Decode(&was), ch.New.Decode(&now)); err != nil {
		return fmt.Errorf("decode organisation change %s: %w", ch.Key.PK, err)
	}
	if was.Name == now.Name {
		return nil
	}
	return c.Sync(ctx, now.ID)
}

// Sync writes the current name of organisation orgID into every license of it that holds
// another, a page per atomic write, each license on condition that its version is unchanged
// (a page that loses a race with an edit is read and written again). An organisation that no
// longer exists is left alone.
func (c *OrgNames) Sync(ctx context.Context, orgID string) error {
	o, err := org.Get(ctx, c.Store, orgID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	cursor := ""
	for {
		var next string
		err := retry(func() error {
			page, err := orgLicenses(ctx, c.Store, orgID, perWrite, cursor)
			if err != nil {
				return err
			}
			next = page.Cursor
			return c.rename(ctx, page.Licenses, o.Name)
		})
		if err != nil || next == "" {
			return err
		}
		cursor = next
	}
}

// rename writes name into those of ls that hold another. The licenses' UpdatedAt and UpdatedBy
// stay: nobody edited them.
func (c *OrgNames) rename(ctx context.Context, ls []License, name string) error {
	var ops []store.Op
	for _, l := range ls {
		if l.OrgName == name {
			continue
		}
		from := l.Version
		l.OrgName, l.Version = name, from+1
		put, err := l.putOps(from)
		if err != nil {
			return err
		}
		ops = append(ops, put...)
	}
	if len(ops) == 0 {
		return nil
	}
	if err := c.Store.Write(ctx, ops...); err != nil {
		return fmt.Errorf("rename organisation in licenses: %w", err)
	}
	return nil
}
