package account

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/store"
)

// RequestEmailChange checks currentPW and mails a confirmation link for newAddr to newAddr, and
// a notice to u's address. When another account has newAddr it does the same but for the link,
// which is not made nor mailed, so the answer tells nothing about the address.
func (s *Service) RequestEmailChange(ctx context.Context, u User, newAddr, currentPW string) error {
	newAddr, err := NormalizeEmail("new_email", newAddr)
	if err != nil {
		return err
	}
	if newAddr == u.Email {
		return Invalid("new_email", "is already your address")
	}
	if err := s.checkCurrent(ctx, u, currentPW); err != nil {
		return err
	}
	inUse, err := emailInUse(ctx, s.st, newAddr)
	if err != nil {
		return err
	}
	ops, err := s.emailChangeOps(ctx, u, newAddr, inUse)
	if err != nil {
		return err
	}
	if err := s.st.Write(ctx, ops...); err != nil {
		return fmt.Errorf("ask for address change of %s: %w", u.ID, err)
	}
	return nil
}

func (s *Service) emailChangeOps(ctx context.Context, u User, newAddr string, inUse bool) (
	[]store.Op, error) {
	ops, err := s.withMailAndEvent(ctx, u, audit.EmailChangeRequested,
		func() (store.Op, error) { return s.changeNotice(u, newAddr) })
	if err != nil || inUse {
		return ops, err
	}
	token, _, issue, err := s.tokens.Issue(linktoken.EmailChange, u.ID,
		map[string]string{"email": newAddr})
	if err != nil {
		return nil, err
	}
	confirm, err := s.confirmMail(u, newAddr, token)
	if err != nil {
		return nil, err
	}
	return append(append(ops, issue...), confirm), nil
}

// ConfirmEmailChange gives the token's account the address the token was mailed to. signedIn,
// when not "", is the user signed in where the link is opened: a link of another account is
// refused (ErrWrongUser) rather than change an account its opener may not own. An address that
// another account took meanwhile returns ErrEmailTaken; a token that cannot be used,
// linktoken.ErrInvalid. It returns the user as changed.
func (s *Service) ConfirmEmailChange(ctx context.Context, token, signedIn string) (User, error) {
	tok, err := s.tokens.Open(ctx, linktoken.EmailChange, token)
	if err != nil {
		return User{}, err
	}
	if signedIn != "" && signedIn != tok.Subject {
		return User{}, ErrWrongUser
	}
	u, err := Get(ctx, s.st, tok.Subject)
	if errors.Is(err, store.ErrNotFound) {
		return User{}, linktoken.ErrInvalid
	}
	if err != nil {
		return User{}, err
	}
	if u.Email == tok.Payload["email"] {
		return u, s.consumeOnly(ctx, tok)
	}
	old := u.Email
	u.Email = tok.Payload["email"]
	if err := s.writeEmailChange(ctx, tok, u, old); err != nil {
		return User{}, err
	}
	u.Version++
	return u, nil
}

// consumeOnly uses up tok of an account that has its address already, as when another
// submission of the same link won the race after this one read the account.
func (s *Service) consumeOnly(ctx context.Context, tok linktoken.Token) error {
	err := s.st.Write(ctx, tok.ConsumeOps()...)
	if linktoken.Consumed(err, 0) {
		return linktoken.ErrInvalid
	}
	return err
}

func (s *Service) writeEmailChange(ctx context.Context, tok linktoken.Token, u User,
	old string) error {
	claim, err := emailClaim(u)
	if err != nil {
		return err
	}
	save, err := SaveOp(u)
	if err != nil {
		return err
	}
	e := audit.New(ctx, s.now(), audit.EmailChanged)
	e.Actor, e.Target = u.ID, u.ID
	e.Details = map[string]any{"before": old, "after": u.Email}
	ev, err := e.Op()
	if err != nil {
		return err
	}
	release := store.Delete(emailKey(old)).When(store.IfField("user_id", store.Eq, u.ID))
	err = s.st.Write(ctx, append(tok.ConsumeOps(), claim, release, save, ev)...)
	switch {
	case linktoken.Consumed(err, 0):
		return linktoken.ErrInvalid
	case IsEmailTaken(err, 2):
		return ErrEmailTaken
	case err != nil:
		return fmt.Errorf("change address of %s: %w", u.ID, err)
	}
	return nil
}
