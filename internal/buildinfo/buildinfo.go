// Package buildinfo tells which build of Licensor is running: its version, the commit it was built
// from and the Go release that compiled it.
//
// Version and Commit are set at link time (the Makefile passes
// -ldflags "-X github.com/licensorhq/licensor/internal/buildinfo.Version=... -X ...Commit=...");
// without them the commit comes from the build information the go command embeds in every
// binary, as the Go version always does.
package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is the release of this build; "dev" unless the linker sets it.
var Version = "dev"

// Commit, when the linker sets it, names the commit of the build. Without it the commit comes from
// the go command's VCS stamping, which -buildvcs=false turns off.
var Commit = ""

// Info describes one build.
type Info struct {
	Version   string `json:"version"`
	Commit    string `json:"commit"`             // "unknown" when built without VCS stamping
	Modified  bool   `json:"modified,omitempty"` // built from a checkout with local changes
	GoVersion string `json:"go_version"`
}

// Read returns the running binary's build information.
func Read() Info {
	info := Info{Version: Version, Commit: "unknown", GoVersion: runtime.Version()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.fromBuild(bi)
	}
	if Commit != "" {
		info.Commit = Commit // the linker's word wins over VCS stamping
	}
	return info
}

func (i *Info) fromBuild(bi *debug.BuildInfo) {
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			i.Commit = s.Value
		case "vcs.modified":
			i.Modified = s.Value == "true"
		}
	}
	if i.Version == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		// A binary installed with `go install module@version` knows its version without ldflags.
		i.Version = bi.Main.Version
	}
}

// String formats the information on one line, as `licensor version` prints it.
func (i Info) String() string {
	commit := i.Commit
	if i.Modified {
		commit += " (modified)"
	}
	return fmt.Sprintf("licensor %s, commit %s, %s", i.Version, commit, i.GoVersion)
}
