package linktoken

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/licensorhq/licensor/internal/secret"
	"github.com/licensorhq/licensor/internal/store"
)

// Tokens issues and opens tokens kept in a store. It is safe for concurrent use.
type Tokens struct {
	Store store.Store
	// Lifetimes override the default lifetime of some purposes.
	Lifetimes map[Purpose]time.Duration
	// Now is the clock; nil means time.Now. Give the store the same clock.
	Now func() time.Time
}

func (t *Tokens) now() time.Time {
	if t.Now == nil {
		return time.Now()
	}
	return t.Now()
}

func (t *Tokens) lifetime(p Purpose) time.Duration {
	if d, ok := t.Lifetimes[p]; ok && d > 0 {
		return d
	}
	return Lifetimes[p]
}

func tokenKey(digest string) store.Key { return store.Key{PK: "token#" + digest, SK: "token"} }

func latestKey(p Purpose, subject string) store.Key {
	return store.Key{PK: "token#latest#" + string(p) + "#" + subject, SK: "latest"}
}

// Issue makes a token for purpose p on subject with payload. It returns the token's text, to
// put in a link and never store, the token, and the operations that store it and void the
// subject's older token of the same purpose, for the caller's atomic write.
func (t *Tokens) Issue(p Purpose, subject string, payload map[string]string) (
	string, Token, []store.Op, error,
) {
	if _, ok := Lifetimes[p]; !ok || subject == "" {
		return "", Token{}, nil, fmt.Errorf("issue token: unknown purpose %q or no subject", p)
	}
	text, digest := secret.New()
	now := t.now().UTC()
	tok := Token{Purpose: p, Subject: subject, Payload: payload, CreatedAt: now,
		ExpiresAt: now.Add(t.lifetime(p)), Digest: digest}
	body, err := json.Marshal(tok)
	if err != nil {
		return "", Token{}, nil, fmt.Errorf("encode token: %w", err)
	}
	latest, err := json.Marshal(map[string]string{"digest": digest})
	if err != nil {
		return "", Token{}, nil, fmt.Errorf("encode token: %w", err)
	}
	ops := []store.Op{
		store.Put(store.Item{Key: tokenKey(digest), Type: ItemType, ExpiresAt: tok.ExpiresAt,
			Body: body}).When(store.IfNotExists()),
		store.Put(store.Item{Key: latestKey(p, subject), Type: LatestType,
			ExpiresAt: tok.ExpiresAt, Body: latest}),
	}
	return text, tok, ops, nil
}

// Open returns the token whose text is text, if it is valid for purpose p now; else an error
// wrapping ErrInvalid (or a store error). Opening uses nothing up: see ConsumeOps.
func (t *Tokens) Open(ctx context.Context, p Purpose, text string) (Token, error) {
	if secret.Parse(text) != nil {
		return Token{}, ErrInvalid // junk costs no read
	}
	var tok Token
	if err := t.read(ctx, tokenKey(secret.Digest(text)), &tok); err != nil {
		return Token{}, err
	}
	if tok.Purpose != p || !t.now().Before(tok.ExpiresAt) {
		return Token{}, ErrInvalid
	}
	var latest struct {
		Digest string `json:"digest"`
	}
	if err := t.read(ctx, latestKey(p, tok.Subject), &latest); err != nil {
		return Token{}, err
	}
	if latest.Digest != tok.Digest {
		return Token{}, ErrInvalid // voided by a newer token
	}
	return tok, nil
}

func (t *Tokens) read(ctx context.Context, k store.Key, v any) error {
	it, err := t.Store.Get(ctx, k)
	if errors.Is(err, store.ErrNotFound) {
		return ErrInvalid
	}
	if err != nil {
		return fmt.Errorf("read token: %w", err)
	}
	if err := it.Decode(v); err != nil {
		return fmt.Errorf("decode token: %w", err)
	}
	return nil
}

// ConsumeOps returns the operations that use tok up, for the atomic write of the change it
// allows: the write fails with store.ErrConflict when the token was used or voided meanwhile
// (see Consumed).
func (tok Token) ConsumeOps() []store.Op {
	return []store.Op{
		store.Delete(tokenKey(tok.Digest)).When(store.IfExists()),
		store.Delete(latestKey(tok.Purpose, tok.Subject)).
			When(store.IfField("digest", store.Eq, tok.Digest)),
	}
}

// Consumed reports whether err, from a write with tok's ConsumeOps at ops[first:], failed
// because the token was used or voided by another request meanwhile.
func Consumed(err error, first int) bool {
	var ce *store.ConditionError
	return errors.As(err, &ce) && (ce.Index == first || ce.Index == first+1)
}
