package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ErrHelp is returned by Load when the command line asked for help, after the help was written.
var ErrHelp = flag.ErrHelp

// Load reads every setting from getenv (os.Getenv in the binary) and then from args, the flags of
// `serve` (a flag overrides its variable; an empty variable counts as unset), and validates them
// all, including that the data directory can be created or written. It creates nothing: call
// Prepare for that. For --help it writes the help to help and returns ErrHelp.
func Load(args []string, getenv func(string) string, help io.Writer) (*Config, error) {
	c, rest, err := Parse(Command{Name: "serve", Help: serveHelp}, args, getenv, help)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, &UsageError{Msg: fmt.Sprintf("serve: unexpected argument %q", rest[0])}
	}
	if err := c.checkDataDir(); err != nil {
		return nil, &SettingError{Setting: "LICENSOR_DATA_DIR", Err: err}
	}
	if c.LicenseSecret == nil && !c.UsesDataDir() {
		return nil, &SettingError{Setting: "LICENSOR_LICENSE_SECRET",
			Err: errors.New("required when neither the store nor the blobs use the data dir")}
	}
	return c, nil
}

// Command describes a command that reads settings.
type Command struct {
	Name string
	// Settings names the settings the command reads; nil means all of them.
	Settings []string
	// Help is the usage line and description that precede the list of settings.
	Help string
}

const serveHelp = `Usage: licensor serve [--SETTING=VALUE ...]

Serves the web UI and the API. Every setting is an environment variable
and a flag of the same name (--LICENSOR_ADDR=:9090); the flag wins.
`

// Parse reads the command's settings as Load does, validating each, and returns the arguments
// that follow the flags. It checks nothing on disk.
func Parse(cmd Command, args []string, getenv func(string) string, help io.Writer) (
	*Config, []string, error,
) {
	settings := cmd.settings()
	values, rest, err := readValues(cmd, settings, args, getenv, help)
	if err != nil {
		return nil, nil, err
	}
	c := &Config{}
	for _, s := range settings {
		if err := s.parse(c, values[s.Name]); err != nil {
			return nil, nil, &SettingError{Setting: s.Name, Err: err}
		}
	}
	return c, rest, nil
}

func (cmd Command) settings() []Setting {
	all := Settings()
	if cmd.Settings == nil {
		return all
	}
	return slices.DeleteFunc(all, func(s Setting) bool {
		return !slices.Contains(cmd.Settings, s.Name)
	})
}

// readValues gathers each setting's value: its default, then its variable, then its flag.
func readValues(cmd Command, settings []Setting, args []string, getenv func(string) string,
	help io.Writer,
) (map[string]string, []string, error) {
	fs := flag.NewFlagSet(cmd.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned, help is written by writeHelp
	values := map[string]string{}
	for _, s := range settings {
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
		writeHelp(help, cmd.Help, settings)
		return nil, nil, ErrHelp
	}
	if err != nil {
		return nil, nil, &UsageError{
			Msg: fmt.Sprintf("%s: %v (see licensor %[1]s --help)", cmd.Name, err)}
	}
	return values, fs.Args(), nil
}

// WriteHelp writes the help of `licensor serve`: every setting with its variable and default.
func WriteHelp(w io.Writer) { writeHelp(w, serveHelp, Settings()) }

func writeHelp(w io.Writer, intro string, settings []Setting) {
	var b strings.Builder
	b.WriteString(intro + "\n")
	for _, s := range settings {
		fmt.Fprintf(&b, "  --%s=%s\n", s.Name, s.Arg)
		fmt.Fprintf(&b, "        %s\n        (env %s, default %q)\n", s.Usage, s.Name, s.Default)
	}
	_, _ = io.WriteString(w, b.String())
}
