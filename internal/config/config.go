// Package config holds the settings of `licensor serve`: each an environment variable and a flag
// of the same name (the flag wins), listed with its default by `licensor serve --help`.
//
// Load reads and validates every setting and creates nothing; Prepare then creates the data
// directory. A wrong value is reported as a *SettingError naming the setting, so that the server
// stops with one clear line before anything is half-created.
package config

import (
	"net/mail"
	"net/url"
	"path/filepath"
)

// StoreKind names the storage engine.
type StoreKind string

// The storage engines.
const (
	StoreSQLite   StoreKind = "sqlite"   // a file in the data directory
	StoreDynamoDB StoreKind = "dynamodb" // a DynamoDB table
)

// BlobKind names where invoice PDFs are kept.
type BlobKind string

// The blob engines.
const (
	BlobsFile BlobKind = "file" // files in the data directory
	BlobsS3   BlobKind = "s3"   // an S3 bucket
)

// Config is the validated configuration of the server. Load builds it; it is not changed after.
type Config struct {
	Addr    string // address to listen on, HOST:PORT
	DataDir string // where the SQLite file and the blob files live
	// PublicURL is the base of links in mails and of the browser's origin; never a request's Host.
	PublicURL *url.URL
	Store     StoreKind
	Table     string // DynamoDB table, when Store is StoreDynamoDB
	Blobs     BlobKind
	Bucket    string   // S3 bucket, when Blobs is BlobsS3
	SMTPURL   *url.URL // nil: mails are written to the log
	MailFrom  *mail.Address
	// ReturnURLs are the absolute URLs whose scheme and host may follow sign-in.
	ReturnURLs []*url.URL
	LogFormat  string // "text" or "json"
	// LicenseSecret is the secret license keys are digested under; nil: a file in the data dir.
	LicenseSecret []byte
}

// DBPath is the SQLite database file of the embedded store.
func (c *Config) DBPath() string { return filepath.Join(c.DataDir, "licensor.db") }

// BlobDir is the directory of the file blob engine.
func (c *Config) BlobDir() string { return filepath.Join(c.DataDir, "blobs") }

// UsesDataDir reports whether an engine keeps its data in the data directory.
func (c *Config) UsesDataDir() bool { return c.Store == StoreSQLite || c.Blobs == BlobsFile }

// HTTPS reports whether the public URL is served over HTTPS, which decides HSTS and the cookie.
func (c *Config) HTTPS() bool { return c.PublicURL.Scheme == "https" }
