// Command newsroom is a desktop newsroom editor over one SQLite file, with
// a scriptable command line beside it. See README.md.
package main

import (
	"context"
	_ "embed"
	"os"

	"newsroom/app"
	"newsroom/cli"
	"newsroom/internal/buildinfo"
	_ "newsroom/internal/clocale" // before Fyne initialises: see the package
)

// fyneAppTOML names the release: `newsroom --version` prints its version.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// commit is the commit built from; the Makefile sets it with
// -ldflags "-X main.commit=…".
var commit string

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Options{
		Window:  app.Run,
		Version: buildinfo.Describe(fyneAppTOML, commit),
	}))
}
