package account

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensorhq/licensor/internal/audit"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/store"
)

// RequestReset mails a reset link to the account of addr, if there is one and the address has
// had fewer than the allowed reset mails this hour. It returns nil in every one of these cases,
// so that its caller answers the same whether or not the account exists; only an address that
// is not one (a FieldError) or a store failure is an error. The new link voids the older one.
func (s *Service) RequestReset(ctx context.Context, addr string) error {
	addr, err := NormalizeEmail("email", addr)
	if err != nil {
		return err
	}
	// The bucket is taken for unknown addresses too, so that both cost the same reads.
	ok, _, err := s.resetMails.Allow(ctx, addr)
	if err != nil || !ok {
		return err
	}
	u, err := ByEmail(ctx, s.st, addr)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	token, _, ops, err := s.tokens.Issue(linktoken.Reset, u.ID, nil)
	if err != nil {
		return err
	}
	more, err := s.withMailAndEvent(ctx, u, audit.PasswordResetRequest,
		func() (store.Op, error) { return s.resetMail(u, token) })
	if err != nil {
		return err
	}
	if err := s.st.Write(ctx, append(ops, more...)...); err != nil {
		return fmt.Errorf("issue reset token for %s: %w", u.ID, err)
	}
	return nil
}

// withMailAndEvent returns the operations of a mail to u and of an audit event about u.
func (s *Service) withMailAndEvent(ctx context.Context, u User, action string,
	mailOp func() (store.Op, error)) ([]store.Op, error) {
	m, err := mailOp()
	if err != nil {
		return nil, err
	}
	e := audit.New(ctx, s.now(), action)
	e.Target = u.ID
	ev, err := e.Op()
	if err != nil {
		return nil, err
	}
	return []store.Op{m, ev}, nil
}

// ConfirmReset sets the password of the reset token's account to pw, ends every session of the
// account and mails a notice; it signs no one in. A token that cannot be used returns
// linktoken.ErrInvalid, and changes nothing.
func (s *Service) ConfirmReset(ctx context.Context, token, pw string) error {
	if err := CheckPassword("password", pw); err != nil {
		return err
	}
	tok, err := s.tokens.Open(ctx, linktoken.Reset, token)
	if err != nil {
		return err
	}
	u, err := Get(ctx, s.st, tok.Subject)
	if errors.Is(err, store.ErrNotFound) {
		return linktoken.ErrInvalid // the account was removed meanwhile
	}
	if err != nil {
		return err
	}
	if u.PasswordHash, err = s.hasher.Hash(ctx, pw); err != nil {
		return err
	}
	u.SessionGen++ // ends every session
	if err := s.writeReset(ctx, tok, u); err != nil {
		return err
	}
	s.sweep(ctx, u)
	// A person who proved they own the mailbox need not wait out the address's lock.
	if err := s.signInLock.Succeed(ctx, u.Email); err != nil {
		s.log.WarnContext(ctx, "clear sign-in lock after reset", "error", err)
	}
	return nil
}

func (s *Service) writeReset(ctx context.Context, tok linktoken.Token, u User) error {
	save, err := SaveOp(u)
	if err != nil {
		return err
	}
	more, err := s.withMailAndEvent(ctx, u, audit.PasswordReset, func() (store.Op, error) {
		return s.passwordNotice(u, KindPasswordWasReset, s.now())
	})
	if err != nil {
		return err
	}
	ops := append(tok.ConsumeOps(), save)
	err = s.st.Write(ctx, append(ops, more...)...)
	if linktoken.Consumed(err, 0) {
		return linktoken.ErrInvalid // used by a concurrent request
	}
	if err != nil {
		return fmt.Errorf("reset password of %s: %w", u.ID, err)
	}
	return nil
}
