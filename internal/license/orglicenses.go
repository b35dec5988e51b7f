package license

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/licensorhq/licensor/internal/store"
)

// RefType is the item type that places a license in its organisation's partition.
const RefType = "license_ref"

// orgPK is the partition of an organisation's license items: its suspension state and a
// reference to each of its licenses.
func orgPK(orgID string) string { return "license_org#" + orgID }

const refPrefix = "license#"

func refKey(orgID, licID string) store.Key {
	return store.Key{PK: orgPK(orgID), SK: refPrefix + licID}
}

// refOp returns the put of l's reference in its organisation's partition, written once, with
// the license's creation.
func (l License) refOp() (store.Op, error) {
	it, err := encode(refKey(l.OrgID, l.ID), RefType, map[string]string{"license_id": l.ID})
	if err != nil {
		return store.Op{}, err
	}
	return store.Put(it).When(store.IfNotExists()), nil
}

// orgLicenses returns up to limit licenses of organisation orgID after cursor, oldest first,
// from the organisation's partition and each license by a consistent Get. Unlike List, which
// reads an index that DynamoDB updates late, it sees every license committed before the call:
// the changes that must reach all of an organisation's licenses (suspension, renames) list
// them with it.
func orgLicenses(ctx context.Context, st store.Store, orgID string, limit int,
	cursor string) (Page, error) {
	p, err := st.Query(ctx, store.Query{PK: orgPK(orgID), Prefix: refPrefix, Limit: limit,
		Cursor: cursor})
	if err != nil {
		return Page{}, fmt.Errorf("list licenses of %s: %w", orgID, err)
	}
	out := Page{Licenses: make([]License, len(p.Items)), Cursor: p.Cursor}
	errs := make([]error, len(p.Items))
	var wg sync.WaitGroup
	for i, it := range p.Items {
		wg.Go(func() {
			out.Licenses[i], errs[i] = get(ctx, st, strings.TrimPrefix(it.SK, refPrefix))
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Page{}, fmt.Errorf("list licenses of %s: %w", orgID, err)
	}
	return out, nil
}
