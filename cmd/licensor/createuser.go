package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/licensorhq/licensor/internal/account"
	"github.com/licensorhq/licensor/internal/config"
	"github.com/licensorhq/licensor/internal/linktoken"
	"github.com/licensorhq/licensor/internal/mail"
	"github.com/licensorhq/licensor/internal/server"
	"github.com/licensorhq/licensor/internal/setup"
	"github.com/licensorhq/licensor/internal/store"
	"github.com/licensorhq/licensor/internal/store/dynamo"
	"github.com/licensorhq/licensor/internal/store/sqlite"
)

const createUserHelp = `Usage: licensor admin create-user --email ADDRESS --name NAME [--vendor-admin]
       [--LICENSOR_STORE=KIND] [--LICENSOR_DATA_DIR=DIR] [--LICENSOR_PUBLIC_URL=URL]

Makes an account for ADDRESS, without a password, and prints its set-password link
(LICENSOR_PUBLIC_URL/setup#token=...), valid 24 hours; the same link is mailed to ADDRESS by
the server's outbox. With --vendor-admin the account is an admin of the vendor organisation,
which is made when the store has none yet. An address that has an account is left as it is.

It may run while the server runs on the same store (SQLite data dir or DynamoDB table).

  --email ADDRESS
        the address of the account (required)
  --name NAME
        the person's name (required)
  --vendor-admin
        make the account an admin of the vendor organisation
`

// createUserSettings are the settings create-user reads.
var createUserSettings = []string{"LICENSOR_STORE", "LICENSOR_DATA_DIR", "LICENSOR_PUBLIC_URL"}

// userFlags are the arguments of create-user other than the settings.
type userFlags struct {
	email, name string
	vendorAdmin bool
}

// createUser makes an account from the shell and prints its set-password link.
func (c *cli) createUser(ctx context.Context, args []string) error {
	cmd := config.Command{Name: "admin create-user", Settings: createUserSettings,
		Help: createUserHelp}
	uf, settingArgs, err := parseUserFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		_, _, err = config.Parse(cmd, []string{"-help"}, c.getenv, c.stdout)
		return err
	}
	if err != nil {
		return err
	}
	cfg, _, err := config.Parse(cmd, settingArgs, c.getenv, c.stdout)
	if err != nil {
		return err
	}
	if err := cfg.Prepare(); err != nil {
		return err
	}
	return withStore(ctx, cfg, func(st store.Store) error {
		return c.makeUser(ctx, cfg, st, uf)
	})
}

// parseUserFlags reads the command's own flags, and returns the settings' flags apart for
// config.Parse.
func parseUserFlags(args []string) (userFlags, []string, error) {
	var uf userFlags
	var settingArgs []string
	fs := flag.NewFlagSet("admin create-user", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&uf.email, "email", "", "")
	fs.StringVar(&uf.name, "name", "", "")
	fs.BoolVar(&uf.vendorAdmin, "vendor-admin", false, "")
	for _, name := range createUserSettings {
		fs.Func(name, "", func(v string) error {
			settingArgs = append(settingArgs, "-"+name+"="+v)
			return nil
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return userFlags{}, nil, err
		}
		return userFlags{}, nil, &config.UsageError{
			Msg: fmt.Sprintf("admin create-user: %v (see licensor admin create-user --help)", err)}
	}
	if fs.NArg() > 0 || strings.TrimSpace(uf.email) == "" || strings.TrimSpace(uf.name) == "" {
		return userFlags{}, nil, &config.UsageError{Msg: "usage: licensor admin create-user " +
			"--email ADDRESS --name NAME [--vendor-admin]"}
	}
	return uf, settingArgs, nil
}

// withStore opens the configured store, runs f on it, and closes it.
func withStore(ctx context.Context, cfg *config.Config, f func(store.Store) error) error {
	opts := store.Options{Streamed: server.Streamed}
	var st store.Store
	var err error
	if cfg.Store == config.StoreDynamoDB {
		var dc dynamo.Config
		if dc, err = dynamo.NewConfig(ctx, cfg.Table, ""); err == nil {
			st, err = dynamo.Open(ctx, dc, opts)
		}
	} else {
		// No sweep: a running server sweeps the same file.
		st, err = sqlite.Open(ctx, cfg.DBPath(), opts, sqlite.WithSweepInterval(0))
	}
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	err = f(st)
	return errors.Join(err, st.Close())
}

// makeUser creates the account and prints its link; an address in use changes nothing.
func (c *cli) makeUser(ctx context.Context, cfg *config.Config, st store.Store,
	uf userFlags) error {
	accounts := account.New(account.Config{Store: st, PublicURL: cfg.PublicURL,
		Outbox: mail.NewOutbox(st, nil, mail.Options{}), Tokens: &linktoken.Tokens{Store: st}})
	s := &setup.Service{Accounts: accounts}
	link, err := s.CreateUser(ctx, uf.email, uf.name, uf.vendorAdmin)
	if errors.Is(err, setup.ErrExists) {
		return fmt.Errorf("admin create-user: an account with address %s exists already; "+
			"nothing was changed", strings.TrimSpace(uf.email))
	}
	var fe *account.FieldError
	if errors.As(err, &fe) {
		return &config.UsageError{Msg: "admin create-user: --" + fe.Name + " " + fe.Msg}
	}
	if err != nil {
		return fmt.Errorf("admin create-user: %w", err)
	}
	role := "no organisation yet"
	if uf.vendorAdmin {
		role = "an admin of the vendor organisation"
	}
	fmt.Fprintf(c.stdout, "account %s made (%s). Its set-password link, valid 24 hours, "+
		"also mailed to it by the server:\n%s\n", strings.ToLower(strings.TrimSpace(uf.email)),
		role, link)
	return nil
}
