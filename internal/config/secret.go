package config

import (
	"encoding/hex"
	"errors"
	"strings"
)

// MinLicenseSecret is the least number of bytes of LICENSOR_LICENSE_SECRET.
const MinLicenseSecret = 32

// parseLicenseSecret reads the hex secret of license keys. Its errors never repeat the value.
func parseLicenseSecret(c *Config, v string) error {
	if v == "" {
		return nil
	}
	secret, err := hex.DecodeString(strings.TrimSpace(v))
	if err != nil || len(secret) < MinLicenseSecret {
		return errors.New("want at least 32 random bytes in hex (64 hex digits); " +
			"make one with `openssl rand -hex 32`")
	}
	c.LicenseSecret = secret
	return nil
}
