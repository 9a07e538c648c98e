package cli

import (
	"context"
	"fmt"
	"log"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"newsroom/intake"
	"newsroom/storage"
)

// newServeCmd is `newsroom serve --addr HOST:PORT`.
func newServeCmd(e *env) *cobra.Command {
	var (
		addr, site     string
		trustHops      int
		trustedProxies string
	)
	cmd := &cobra.Command{
		Use:   "serve --addr HOST:PORT [--site DIR] [--trust-proxy N | --trusted-proxy LIST]",
		Short: "Take reader comments from published pages over HTTP",
		Long: `Serve POST /comments for the comment form of exported pages, applying the
moderation rules; GET / serves --site DIR (the exported site) when given.
SIGINT or SIGTERM shut it down gracefully.

Behind a reverse proxy, name it: --trust-proxy N trusts the N proxies
nearest the intake (--trust-proxy alone means 1), --trusted-proxy LIST
trusts those addresses and networks (127.0.0.1,10.0.0.0/8). The client's
address is the first X-Forwarded-For entry from the right that is not a
trusted proxy; entries left of it are the client's own words and ignored.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if addr == "" {
				return usageError{fmt.Errorf("serve needs --addr HOST:PORT")}
			}
			if trustHops < 0 || trustHops > 32 {
				return usageError{fmt.Errorf("--trust-proxy %d: give a number of proxy hops between 0 and 32", trustHops)}
			}
			proxies, err := intake.ParseProxies(trustedProxies)
			if err != nil {
				return usageError{err}
			}
			trust := intake.ProxyTrust{Hops: trustHops, Proxies: proxies}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			store, err := e.store(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			logger := log.New(cmd.ErrOrStderr(), "serve: ", log.LstdFlags)
			srv := intake.NewServer(store, intake.Options{Site: site, Proxies: trust, Logger: logger})
			logger.Printf("taking comments on http://%s/comments (database %s)", addr, store.Path())
			go applyRetentionDaily(ctx, store, logger)
			return srv.ListenAndServe(ctx, addr)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "", "address to listen on, such as 127.0.0.1:8080")
	cmd.Flags().StringVar(&site, "site", "", "exported site folder to serve at /")
	cmd.Flags().IntVar(&trustHops, "trust-proxy", 0, "number of reverse proxies in front that append to X-Forwarded-For (alone: 1)")
	cmd.Flags().Lookup("trust-proxy").NoOptDefVal = "1"
	cmd.Flags().StringVar(&trustedProxies, "trusted-proxy", "", "comma-separated addresses or networks of trusted reverse proxies")
	return cmd
}

// applyRetentionDaily clears commenters' addresses and browser strings
// past the retention setting when serve starts and every day after, until
// ctx ends, so a newsroom that only serves still keeps its promise.
func applyRetentionDaily(ctx context.Context, store *storage.Store, logger *log.Logger) {
	for {
		if n, err := store.ApplyCommentRetention(ctx); err != nil {
			logger.Printf("comment retention: %v", err)
		} else if n > 0 {
			logger.Printf("comment retention: cleared the address and browser of %d comments", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(24 * time.Hour):
		}
	}
}
