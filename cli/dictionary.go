package cli

import (
	"fmt"

	"github.com/spf13/cobra"
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
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			for _, w := range args {
				if err := store.AddDictionaryWord(cmd.Context(), w, by); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "added %s\n", w)
			}
			return nil
		},
	}
	add.Flags().StringVar(&by, "by", "", "who adds them (kept with each word)")
	remove := &cobra.Command{
		Use:   "remove WORD...",
		Short: "Remove words from the newsroom's dictionary",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			for _, w := range args {
				if err := store.RemoveDictionaryWord(cmd.Context(), w); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "removed %s\n", w)
			}
			return nil
		},
	}
	cmd.AddCommand(list, add, remove)
	return cmd
}
