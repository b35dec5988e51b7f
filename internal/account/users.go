package account

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/store"
)

// Key is the key of user id's item.
func Key(userID string) store.Key { return store.Key{PK: "user#" + userID, SK: "user"} }

func emailKey(addr string) store.Key { return store.Key{PK: "email#" + addr, SK: "email"} }

// emailBody is the body of an email item.
type emailBody struct {
	UserID string `json:"user_id"`
}

// Get returns user id, or an error wrapping store.ErrNotFound.
func Get(ctx context.Context, st store.Store, userID string) (User, error) {
	it, err := st.Get(ctx, Key(userID))
	if err != nil {
		return User{}, fmt.Errorf("read user %s: %w", userID, err)
	}
	var u User
	if err := it.Decode(&u); err != nil {
		return User{}, fmt.Errorf("decode user %s: %w", userID, err)
	}
	return u, nil
}

// ByEmail returns the user whose address is addr (normalised), or an error wrapping
// store.ErrNotFound.
func ByEmail(ctx context.Context, st store.Store, addr string) (User, error) {
	it, err := st.Get(ctx, emailKey(addr))
	if err != nil {
		return User{}, fmt.Errorf("find user by address: %w", err)
	}
	var e emailBody
	if err := it.Decode(&e); err != nil {
		return User{}, fmt.Errorf("decode address: %w", err)
	}
	return Get(ctx, st, e.UserID)
}

// emailInUse reports whether an account has addr.
func emailInUse(ctx context.Context, st store.Store, addr string) (bool, error) {
	_, err := st.Get(ctx, emailKey(addr))
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up address: %w", err)
	}
	return true, nil
}

// CreateOps returns the operations that create u and claim its address; the write fails with a
// condition error on the second operation when the address is taken (see IsEmailTaken).
func CreateOps(u User) ([]store.Op, error) {
	u.Version = 1
	userItem, err := userItem(u)
	if err != nil {
		return nil, err
	}
	claim, err := emailClaim(u)
	if err != nil {
		return nil, err
	}
	return []store.Op{store.Put(userItem).When(store.IfNotExists()), claim}, nil
}

// IsEmailTaken reports whether err comes from a write whose address claim, op number index,
// failed.
func IsEmailTaken(err error, index int) bool {
	var ce *store.ConditionError
	return errors.As(err, &ce) && ce.Index == index
}

func emailClaim(u User) (store.Op, error) {
	body, err := json.Marshal(emailBody{UserID: u.ID})
	if err != nil {
		return store.Op{}, fmt.Errorf("encode address: %w", err)
	}
	return store.Put(store.Item{Key: emailKey(u.Email), Type: EmailType, Body: body}).
		When(store.IfNotExists()), nil
}

func userItem(u User) (store.Item, error) {
	body, err := json.Marshal(u)
	if err != nil {
		return store.Item{}, fmt.Errorf("encode user %s: %w", u.ID, err)
	}
	return store.Item{Key: Key(u.ID), Type: ItemType, Body: body}, nil
}

// SaveOp returns the put of u as changed from the version read, u.Version: it raises the
// version and fails with store.ErrConflict when another change came first.
func SaveOp(u User) (store.Op, error) {
	read := u.Version
	u.Version++
	it, err := userItem(u)
	if err != nil {
		return store.Op{}, err
	}
	return store.Put(it).When(store.IfField("version", store.Eq, read)), nil
}
