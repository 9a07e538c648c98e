package intake

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Server timeouts and limits.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 45 * time.Second // above storeTimeout, so a slow write still gets its answer
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 32 << 10
	// shutdownTimeout is how long in-flight requests get to finish once
	// the context is cancelled.
	shutdownTimeout = 30 * time.Second
)

// ListenAndServe listens on addr (HOST:PORT) and serves until ctx is
// cancelled, then shuts down gracefully.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled. It then stops accepting
// connections, lets in-flight requests finish (up to 30 seconds) so no
// accepted comment is lost, waits for background retraining, and returns
// nil. It closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.httpServer()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		s.bg.Wait()
		return fmt.Errorf("serve on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	s.bg.Wait()
	if err != nil {
		return fmt.Errorf("shut down the comment server on %s: %w", ln.Addr(), err)
	}
	return nil
}

// httpServer returns the http.Server with the intake's timeouts and
// limits. Request contexts do not derive from Serve's ctx: cancelling it
// must not abort a comment being stored.
func (s *Server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          s.log,
	}
}
