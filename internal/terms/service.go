package terms

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/store"
)

// Service publishes, reads and accepts terms. It is safe for concurrent use.
type Service struct {
	Store store.Store
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// Current returns the current version, or ErrNone while none is published.
func (s *Service) Current(ctx context.Context) (Version, error) {
	page, err := s.Store.Query(ctx, store.Query{PK: pk, Prefix: "version#", Backward: true,
		Limit: 1})
	if err != nil {
		return Version{}, fmt.Errorf("read current terms: %w", err)
	}
	if len(page.Items) == 0 {
		return Version{}, ErrNone
	}
	return decode(page.Items[0])
}

// CurrentNumber returns the current version's number, 0 while none is published.
func (s *Service) CurrentNumber(ctx context.Context) (int, error) {
	v, err := s.Current(ctx)
	if errors.Is(err, ErrNone) {
		return 0, nil
	}
	return v.Number, err
}

// Get returns version n, or ErrNone.
func (s *Service) Get(ctx context.Context, n int) (Version, error) {
	it, err := s.Store.Get(ctx, versionKey(n))
	if errors.Is(err, store.ErrNotFound) {
		return Version{}, ErrNone
	}
	if err != nil {
		return Version{}, fmt.Errorf("read terms version %d: %w", n, err)
	}
	return decode(it)
}

func decode(it store.Item) (Version, error) {
	var v Version
	if err := it.Decode(&v); err != nil {
		return Version{}, fmt.Errorf("decode terms %s: %w", it.SK, err)
	}
	return v, nil
}

// Publish publishes text as the next version, by user by, audited.
func (s *Service) Publish(ctx context.Context, text string, by account.User) (Version, error) {
	if strings.TrimSpace(text) == "" {
		return Version{}, account.Invalid("text", "is required")
	}
	if len(text) > MaxText || !utf8.ValidString(text) {
		return Version{}, account.Invalid("text", "must be at most 100000 bytes of UTF-8")
	}
	cur, err := s.CurrentNumber(ctx)
	if err != nil {
		return Version{}, err
	}
	v := Version{Number: cur + 1, Text: text, PublishedAt: s.now(), PublishedBy: by.ID,
		PublisherName: by.Name}
	if err := s.writeVersion(ctx, v); err != nil {
		return Version{}, err
	}
	return v, nil
}

func (s *Service) writeVersion(ctx context.Context, v Version) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode terms: %w", err)
	}
	e := audit.New(ctx, v.PublishedAt, audit.TermsPublished)
	e.Target, e.Details = fmt.Sprintf("terms:%d", v.Number), map[string]any{"version": v.Number}
	ev, err := e.Op()
	if err != nil {
		return err
	}
	put := store.Put(store.Item{Key: versionKey(v.Number), Type: ItemType, Body: body}).
		When(store.IfNotExists())
	err = s.Store.Write(ctx, put, ev)
	if errors.Is(err, store.ErrConflict) {
		return ErrRace
	}
	if err != nil {
		return fmt.Errorf("publish terms version %d: %w", v.Number, err)
	}
	return nil
}
