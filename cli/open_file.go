package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// fileToOffer accepts at most one argument to the window command: a file
// or folder to offer for import (`newsroom FILE`, the desktop's "Open
// with"). A word that names neither is taken for a mistyped command.
func fileToOffer(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usageError{fmt.Errorf("accepts at most one file to import, received %d", len(args))}
	}
	if len(args) == 1 {
		if _, err := os.Stat(args[0]); err != nil {
			msg := fmt.Sprintf("unknown command %q for %q, nor a file or folder of that name", args[0], cmd.CommandPath())
			if cmd.SuggestionsMinimumDistance <= 0 {
				cmd.SuggestionsMinimumDistance = 2 // cobra's own default for unknown commands
			}
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "; did you mean " + strings.Join(s, " or ") + "?"
			}
			return usageError{errors.New(msg)}
		}
	}
	return nil
}

// offeredPath is the absolute path of the file or folder given to the
// window command, or "" when none was.
func offeredPath(args []string) (string, error) {
	if len(args) == 0 {
		return "", nil
	}
	abs, err := filepath.Abs(args[0])
	if err != nil {
		return "", fmt.Errorf("file to import %q: %w", args[0], err)
	}
	return abs, nil
}
