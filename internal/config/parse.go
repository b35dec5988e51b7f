package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"regexp"
	"strconv"
	"strings"
)

func parseAddr(c *Config, v string) error {
	_, port, err := net.SplitHostPort(v)
	if err != nil {
		return fmt.Errorf("%q is not HOST:PORT", v)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	c.Addr = v
	return nil
}

func parseDataDir(c *Config, v string) error {
	if strings.ContainsRune(v, 0) {
		return errors.New("the path holds a NUL byte")
	}
	c.DataDir = v
	return nil // whether it can be written is checked last, once the engines are known
}

// DynamoDB's and S3's own naming rules, so that a typo stops the start rather than the first
// request.
var (
	tableName  = regexp.MustCompile(`^[A-Za-z0-9_.-]{3,255}$`)
	bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
)

func parseStore(c *Config, v string) error {
	kind, name, hasName := strings.Cut(v, ":")
	switch {
	case v == string(StoreSQLite):
		c.Store = StoreSQLite
	case kind == string(StoreDynamoDB) && hasName:
		if !tableName.MatchString(name) {
			return fmt.Errorf("%q is not a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)", name)
		}
		c.Store, c.Table = StoreDynamoDB, name
	default:
		return fmt.Errorf("unknown kind %q (want sqlite or dynamodb:TABLE)", v)
	}
	return nil
}

func parseBlobs(c *Config, v string) error {
	kind, name, hasName := strings.Cut(v, ":")
	switch {
	case v == string(BlobsFile):
		c.Blobs = BlobsFile
	case kind == string(BlobsS3) && hasName:
		if !bucketName.MatchString(name) || strings.Contains(name, "..") {
			return fmt.Errorf("%q is not an S3 bucket name (3-63 of a-z 0-9 . -)", name)
		}
		c.Blobs, c.Bucket = BlobsS3, name
	default:
		return fmt.Errorf("unknown kind %q (want file or s3:BUCKET)", v)
	}
	return nil
}

func parseMailFrom(c *Config, v string) error {
	a, err := mail.ParseAddress(v)
	if err != nil {
		return fmt.Errorf("%q is not a mail address (want Name <user@host> or user@host)", v)
	}
	c.MailFrom = a
	return nil
}

func parseLogFormat(c *Config, v string) error {
	if v != "text" && v != "json" {
		return fmt.Errorf("unknown format %q (want text or json)", v)
	}
	c.LogFormat = v
	return nil
}
