package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// ErrHelp is returned by Load when the command line asked for help, after the help was written.
var ErrHelp = flag.ErrHelp

// Load reads every setting from getenv (os.Getenv in the binary) and then from args, the flags of
// `serve` (a flag overrides its variable; an empty variable counts as unset), and validates them
// all, including that the data directory can be created or written. It creates nothing: call
// Prepare for that. For --help it writes the help to help and returns ErrHelp.
func Load(args []string, getenv func(string) string, help io.Writer) (*Config, error) {
	values, err := readValues(args, getenv, help)
	if err != nil {
		return nil, err
	}
	c := &Config{}
	for _, s := range Settings() {
		if err := s.parse(c, values[s.Name]); err != nil {
			return nil, &SettingError{Setting: s.Name, Err: err}
		}
	}
	if err := c.checkDataDir(); err != nil {
		return nil, &SettingError{Setting: "LICENSOR_DATA_DIR", Err: err}
	}
	return c, nil
}

// readValues gathers each setting's value: its default, then its variable, then its flag.
func readValues(args []string, getenv func(string) string, help io.Writer) (
	map[string]string, error,
) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned, help is written by WriteHelp
	values := map[string]string{}
	for _, s := range Settings() {
		values[s.Name] = s.Default
		if v := getenv(s.Name); v != "" {
			values[s.Name] = v
		}
		fs.Func(s.Name, s.Usage, func(v string) error {
			values[s.Name] = v
			return nil
		})
	}
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		WriteHelp(help)
		return nil, ErrHelp
	}
	if err != nil {
		return nil, &UsageError{Msg: fmt.Sprintf("serve: %v (see licensor serve --help)", err)}
	}
	if fs.NArg() > 0 {
		return nil, &UsageError{Msg: fmt.Sprintf("serve: unexpected argument %q", fs.Arg(0))}
	}
	return values, nil
}

// WriteHelp writes the help of `licensor serve`: every setting with its variable and default.
func WriteHelp(w io.Writer) {
	var b strings.Builder
	b.WriteString("Usage: licensor serve [--SETTING=VALUE ...]\n\n")
	b.WriteString("Serves the web UI and the API. Every setting is an environment variable\n")
	b.WriteString("and a flag of the same name (--LICENSOR_ADDR=:9090); the flag wins.\n\n")
	for _, s := range Settings() {
		fmt.Fprintf(&b, "  --%s=%s\n", s.Name, s.Arg)
		fmt.Fprintf(&b, "        %s\n        (env %s, default %q)\n", s.Usage, s.Name, s.Default)
	}
	_, _ = io.WriteString(w, b.String())
}
