package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"newsroom/storage"
)

// newDictionaryCmd is `newsroom dictionary list|add|remove`: the
// newsroom's own words (names, places, agencies) that the spelling check
// accepts on every desk of this database.
func newDictionaryCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{Use: "dictionary", Short: "List, add or remove the newsroom's own dictionary words", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{fmt.Errorf("dictionary needs a command: list, add or remove")}
		}}
	var asJSON bool
	list := &cobra.Command{
		Use:   "list [--json]",
		Short: "List the newsroom's dictionary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			words, err := store.DictionaryWords(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				if words == nil {
					words = []string{}
				}
				return writeJSON(cmd.OutOrStdout(), words)
			}
			for _, w := range words {
				fmt.Fprintln(cmd.OutOrStdout(), w)
			}
			return nil
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	var by string
	add := &cobra.Command{
		Use:   "add WORD... [--by NAME]",
		Short: "Add words that the spelling check accepts on every desk",
		Args:  cobra.MinimumNArgs(1),
		RunE: eachWord(e, "added", func(ctx context.Context, store *storage.Store, w string) error {
			return store.AddDictionaryWord(ctx, w, by)
		}),
	}
	add.Flags().StringVar(&by, "by", "", "who adds them (kept with each word)")
	remove := &cobra.Command{
		Use:   "remove WORD...",
		Short: "Remove words from the newsroom's dictionary",
		Args:  cobra.MinimumNArgs(1),
		RunE: eachWord(e, "removed", func(ctx context.Context, store *storage.Store, w string) error {
			return store.RemoveDictionaryWord(ctx, w)
		}),
	}
	cmd.AddCommand(list, add, remove)
	return cmd
}

// eachWord is a command that opens the database and calls fn for each
// word given, saying "DONE WORD" for each; it stops at the first error.
func eachWord(e *env, done string, fn func(context.Context, *storage.Store, string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		store, err := e.store(cmd.Context())
		if err != nil {
			return err
		}
		defer store.Close()
		for _, w := range args {
			if err := fn(cmd.Context(), store, w); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s %s\n", done, w)
		}
		return nil
	}
}
