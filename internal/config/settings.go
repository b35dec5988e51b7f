package config

import "errors"

// Setting describes one setting: its environment variable (also the flag's name), its default,
// what it does, and how its value is read into a Config.
type Setting struct {
	Name    string
	Default string
	Arg     string // a name for the value in help text
	Usage   string
	parse   func(c *Config, v string) error
}

// Settings lists every setting, in the order of DESIGN.md and of the help text.
func Settings() []Setting {
	return []Setting{
		{"LICENSOR_ADDR", ":8080", "HOST:PORT", "address to listen on", parseAddr},
		{"LICENSOR_DATA_DIR", "./data", "DIR",
			"where the SQLite file and the invoice PDFs are kept", parseDataDir},
		{"LICENSOR_PUBLIC_URL", "http://localhost:8080", "URL",
			"the base of links in mails and the browser's origin; https, or http on localhost",
			parsePublicURL},
		{"LICENSOR_STORE", "sqlite", "KIND",
			"sqlite (in the data dir) or dynamodb:TABLE", parseStore},
		{"LICENSOR_BLOBS", "file", "KIND", "file (in the data dir) or s3:BUCKET", parseBlobs},
		{"LICENSOR_SMTP_URL", "", "URL",
			"smtp://user:pass@host:587 (STARTTLS) or smtps://...; empty writes mails to the log",
			parseSMTP},
		{"LICENSOR_MAIL_FROM", "Licensor <licensor@localhost>", "ADDRESS",
			"the sender of mails", parseMailFrom},
		{"LICENSOR_RETURN_URLS", "", "URL,...",
			"comma-separated absolute URLs that may follow sign-in", parseReturnURLs},
		{"LICENSOR_LOG_FORMAT", "text", "FORMAT", "text or json", parseLogFormat},
		{"LICENSOR_LICENSE_SECRET", "", "HEX",
			"the secret license keys are digested under, 64 hex digits or more; empty: " +
				"DATA_DIR/license-key.secret, made at the first start (required when nothing " +
				"is kept in the data dir)", parseLicenseSecret},
	}
}

// SettingError reports a wrong value. Its message names the setting and never repeats a secret
// (an SMTP password) that the value may hold.
type SettingError struct {
	Setting string
	Err     error
}

func (e *SettingError) Error() string { return e.Setting + ": " + e.Err.Error() }

func (e *SettingError) Unwrap() error { return e.Err }

// UsageError reports a command line that could not be read (an unknown flag, a stray argument).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// IsUsage reports whether err was caused by a wrong setting or command line, for which the
// command exits with status 2, rather than by a failure while running.
func IsUsage(err error) bool {
	var se *SettingError
	var ue *UsageError
	return errors.As(err, &se) || errors.As(err, &ue)
}
