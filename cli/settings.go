package cli

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"newsroom/storage"
)

// publicSettings are the settings `newsroom settings` reads and writes,
// with what each holds.
var publicSettings = map[string]string{
	storage.SettingPublisherName:         "the organisation credited as publisher",
	storage.SettingSiteTitle:             "the site's name",
	storage.SettingBaseURL:               "the site's public address (https://…)",
	storage.SettingCommentsURL:           "where comment forms post",
	storage.SettingStaff:                 "one person a line: Name | Role | Short bio",
	storage.SettingAbout:                 "the about page's masthead text",
	storage.SettingCorrectionsPolicy:     "the corrections policy (plain text)",
	storage.SettingFactCheckingPolicy:    "the fact-checking policy (plain text)",
	storage.SettingEthicsPolicy:          "the ethics policy (plain text)",
	storage.SettingPublishingPrinciples:  "the publishing principles (plain text)",
	storage.SettingPrivacyContact:        "where readers ask for a copy or deletion of their comment data",
	storage.SettingCommentRetentionDays:  "days after which commenters' addresses and browser strings are cleared (0: kept)",
	storage.SettingStyleHeadlineCase:     "house style: headline case, sentence or title",
	storage.SettingStyleSpelling:         "house style: spelling variety, en-GB or en-US (empty: consistent within an article)",
	storage.SettingStyleMaxSentenceWords: "house style: longest sentence in words (0: 40, -1: no limit)",
	storage.SettingStyleCurlyQuotes:      "house style: typographic quotes wanted, true or false",
	storage.SettingStyleDiscouraged:      "house style: discouraged words, one a line: word => preferred",
	storage.SettingSpellingLanguage:      "the spelling dictionary, e.g. en-GB or en-US (default: the house spelling, else en-US)",
	storage.SettingFourEyes:              "on (default) or off: on, no editor fact-checks an article with their own byline",
}

// newSettingsCmd is `newsroom settings list|get KEY|set KEY VALUE`.
func newSettingsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{Use: "settings", Short: "Show and change the site's settings (masthead, policies, addresses)", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError{fmt.Errorf("settings needs a command: list, get or set")}
		}}
	cmd.AddCommand(&cobra.Command{
		Use: "list", Short: "List the settings and their values", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			keys := make([]string, 0, len(publicSettings))
			for k := range publicSettings {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				v, err := store.Setting(cmd.Context(), k, "")
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", k, strings.ReplaceAll(v, "\n", "\n    "))
			}
			return nil
		},
	}, &cobra.Command{
		Use: "get KEY", Short: "Print one setting", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkSettingKey(args[0]); err != nil {
				return err
			}
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			v, err := store.Setting(cmd.Context(), args[0], "")
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), v)
			return nil
		},
	}, &cobra.Command{
		Use: "set KEY VALUE", Short: "Change one setting (VALUE - reads it from standard input)", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkSettingKey(args[0]); err != nil {
				return err
			}
			value := args[1]
			if value == "-" {
				data, err := readAllLimited(e.opt.Stdin, 1<<20)
				if err != nil {
					return fmt.Errorf("read the value: %w", err)
				}
				value = strings.TrimRight(data, "\n")
			}
			if args[0] == storage.SettingCommentRetentionDays {
				if n, err := strconv.Atoi(strings.TrimSpace(value)); err != nil || n < 0 {
					return usageError{fmt.Errorf("%s must be a whole number of days, not %q", args[0], value)}
				}
			}
			if err := storage.CheckStyleSetting(args[0], value); err != nil {
				return usageError{err}
			}
			store, err := e.store(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			return store.SetSetting(cmd.Context(), args[0], value)
		},
	})
	return cmd
}

// readAllLimited reads r up to limit bytes, refusing more.
func readAllLimited(r io.Reader, limit int64) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return "", err
	}
	if int64(len(data)) > limit {
		return "", fmt.Errorf("the value is over %d bytes", limit)
	}
	return string(data), nil
}

// checkSettingKey refuses keys `newsroom settings` does not handle.
func checkSettingKey(key string) error {
	if _, ok := publicSettings[key]; ok {
		return nil
	}
	keys := make([]string, 0, len(publicSettings))
	for k := range publicSettings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return usageError{fmt.Errorf("unknown setting %q; known: %s", key, strings.Join(keys, ", "))}
}
