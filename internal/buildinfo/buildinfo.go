// Package buildinfo says which Newsroom a binary is: the version from
// FyneApp.toml (Details.Version) and the commit it was built from.
package buildinfo

import (
	"fmt"
	"runtime/debug"

	"github.com/BurntSushi/toml"
)

// fyneApp is the part of FyneApp.toml that names the release.
type fyneApp struct {
	Details struct {
		Version string
	}
}

// Version reads Details.Version from the text of FyneApp.toml.
func Version(fyneAppTOML []byte) (string, error) {
	var app fyneApp
	if err := toml.Unmarshal(fyneAppTOML, &app); err != nil {
		return "", fmt.Errorf("read FyneApp.toml: %w", err)
	}
	if app.Details.Version == "" {
		return "", fmt.Errorf("read FyneApp.toml: no Details.Version")
	}
	return app.Details.Version, nil
}

// Commit is the commit the binary was built from: the one the build
// injected (-ldflags "-X main.commit=…"), else the one Go recorded
// (vcs.revision, when built with -buildvcs), else "unknown".
func Commit(injected string) string {
	if injected != "" {
		return injected
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && s.Value != "" {
				return shortRevision(s.Value)
			}
		}
	}
	return "unknown"
}

// shortRevision abbreviates a full commit hash as git rev-parse --short
// does by default.
func shortRevision(rev string) string {
	if len(rev) > 7 {
		return rev[:7]
	}
	return rev
}

// Describe is what `newsroom --version` prints after the program name:
// "0.1.0 (commit 1a2b3c4)".
func Describe(fyneAppTOML []byte, injectedCommit string) string {
	version, err := Version(fyneAppTOML)
	if err != nil {
		version = "unknown"
	}
	return fmt.Sprintf("%s (commit %s)", version, Commit(injectedCommit))
}
