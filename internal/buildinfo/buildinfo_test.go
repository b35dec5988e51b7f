package buildinfo

import (
	"runtime"
	"testing"
)

func TestRead(t *testing.T) {
	info := Read()
	if info.Version == "" {
		t.Error("Version is empty")
	}
	if info.GoVersion != runtime.Version() {
		t.Errorf("GoVersion = %q, want %q", info.GoVersion, runtime.Version())
	}
}

func TestString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		info Info
		want string
	}{
		{"clean", Info{Version: "v1.2.3", Commit: "abc", GoVersion: "go1.27.3"},
			"licensor v1.2.3, commit abc, go1.27.3"},
		{"modified", Info{Version: "dev", Commit: "abc", Modified: true, GoVersion: "go1"},
			"licensor dev, commit abc (modified), go1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.info.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}
