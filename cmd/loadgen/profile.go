package main

import (
	"errors"
	"os"
	"runtime/pprof"
)

// profiled runs serve, writing its process's CPU profile to path for as long as it runs, when
// path is not "".
func profiled(path string, serve func() error) error {
	if path == "" {
		return serve()
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		return errors.Join(err, f.Close())
	}
	err = serve()
	pprof.StopCPUProfile()
	return errors.Join(err, f.Close())
}
