package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// checkDataDir makes sure the data directory can be used without creating it: an existing one
// must take a file, a missing one must be creatable in its nearest existing parent. A probe file
// is created and removed at once to find out, since permissions alone do not tell (read-only
// file systems, root).
func (c *Config) checkDataDir() error {
	if !c.UsesDataDir() {
		return nil
	}
	dir, err := filepath.Abs(c.DataDir)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", c.DataDir, err)
	}
	for {
		fi, err := os.Stat(dir)
		switch {
		case err == nil && !fi.IsDir():
			return fmt.Errorf("%s is not a directory", dir)
		case err == nil:
			return probe(dir)
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s cannot be used: %w", dir, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return fmt.Errorf("no part of %s exists", c.DataDir)
		}
		dir = parent
	}
}

func probe(dir string) error {
	f, err := os.CreateTemp(dir, ".licensor-probe-*")
	if err != nil {
		return fmt.Errorf("%s is not writable: %w", dir, errors.Unwrap(err))
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("remove probe file %s: %w", name, err)
	}
	return nil
}

// Prepare creates the data directory, when the configured engines use it, once Load has found
// every setting valid.
func (c *Config) Prepare() error {
	if !c.UsesDataDir() {
		return nil
	}
	if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
		return &SettingError{Setting: "LICENSOR_DATA_DIR", Err: fmt.Errorf("create: %w", err)}
	}
	return nil
}
