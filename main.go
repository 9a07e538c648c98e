// Command newsroom is a desktop newsroom editor over one SQLite file, with
// a scriptable command line beside it. See README.md.
package main

import (
	"context"
	"os"

	"newsroom/app"
	"newsroom/cli"
	_ "newsroom/internal/clocale" // before Fyne initialises: see the package
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Options{Window: app.Run}))
}
