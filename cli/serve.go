package cli

import (
	"fmt"
	"log"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"newsroom/intake"
)

// newServeCmd is `newsroom serve --addr HOST:PORT`.
func newServeCmd(e *env) *cobra.Command {
	var (
		addr, site string
		trustProxy bool
	)
	cmd := &cobra.Command{
		Use:   "serve --addr HOST:PORT [--site DIR] [--trust-proxy]",
		Short: "Take reader comments from published pages over HTTP",
		Long: `Serve POST /comments for the comment form of exported pages, applying the
moderation rules; GET / serves --site DIR (the exported site) when given.
SIGINT or SIGTERM shut it down gracefully.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if addr == "" {
				return usageError{fmt.Errorf("serve needs --addr HOST:PORT")}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			logger := log.New(cmd.ErrOrStderr(), "serve: ", log.LstdFlags)
			srv := intake.NewServer(store, intake.Options{Site: site, TrustProxy: trustProxy, Logger: logger})
			logger.Printf("taking comments on http://%s/comments (database %s)", addr, store.Path())
			return srv.ListenAndServe(ctx, addr)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "", "address to listen on, such as 127.0.0.1:8080")
	cmd.Flags().StringVar(&site, "site", "", "exported site folder to serve at /")
	cmd.Flags().BoolVar(&trustProxy, "trust-proxy", false, "take the client address from X-Forwarded-For")
	return cmd
}
