package server

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/licensorhq/licensor/internal/api"
	"github.com/licensorhq/licensor/internal/license"
	"github.com/licensorhq/licensor/internal/throttle"
)

// licenseSecretFile holds, in the data directory, the secret under which license keys are
// digested (licensekey.Digest): 32 random bytes in hex, made at the first start. It is kept out
// of the store so that a copy of the store yields no way to test guessed keys. Losing it
// invalidates every key: back it up with the store.
const licenseSecretFile = "license-key.secret"

// licenseServices makes the license service and the throttle of failed keys. The key secret is
// LICENSOR_LICENSE_SECRET when set, else a file in the data directory (config.Load requires the
// setting when nothing else is kept there).
func (s *Server) licenseServices() (*api.Licenses, error) {
	secret := s.cfg.LicenseSecret
	if secret == nil {
		var err error
		if secret, err = loadSecret(filepath.Join(s.cfg.DataDir, licenseSecretFile)); err != nil {
			return nil, err
		}
	}
	svc := &license.Service{Store: s.store, Secret: secret, Outbox: s.outbox,
		PublicURL: s.cfg.PublicURL}
	guard := license.NewKeyGuard(&throttle.Bucket{Store: s.store, Name: "license_key_ip"})
	return &api.Licenses{Licenses: svc, Guard: guard}, nil
}

// Licenses returns the license service; nil without a store or a key secret. Tools that seed
// data (the load generator) use it.
func (s *Server) Licenses() *license.Service {
	if s.domain == nil || s.domain.licenses == nil {
		return nil
	}
	return s.domain.licenses.Licenses
}

// loadSecret reads the secret at path, making it on first use. The file is created exclusively,
// so two processes starting at once cannot each keep a different secret.
func loadSecret(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return makeSecret(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read license key secret: %w", err)
	}
	secret, err := hex.DecodeString(strings.TrimSpace(string(raw)))
	if err != nil || len(secret) < 32 {
		return nil, fmt.Errorf("license key secret %s: want at least 32 bytes in hex", path)
	}
	return secret, nil
}

func makeSecret(path string) ([]byte, error) {
	secret := make([]byte, 32)
	_, _ = rand.Read(secret) // crypto/rand.Read never fails
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return loadSecret(path) // another process made it first
	}
	if err != nil {
		return nil, fmt.Errorf("create license key secret: %w", err)
	}
	_, err = f.WriteString(hex.EncodeToString(secret) + "\n")
	if err = errors.Join(err, f.Sync(), f.Close()); err != nil {
		return nil, fmt.Errorf("write license key secret: %w", err)
	}
	return secret, nil
}
