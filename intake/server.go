package intake

import (
	"io"
	"log"
	"net/http"
	"os"
	"sync"
	"time"
)

// Options configure a Server.
type Options struct {
	// Site is the exported site folder served at GET /; empty serves a
	// short status page instead.
	Site string
	// Proxies names the reverse proxies trusted to append the client's
	// address to X-Forwarded-For; the zero value trusts none.
	Proxies ProxyTrust
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger receives one line per stored comment and every server-side
	// failure; nil discards them.
	Logger *log.Logger
}

// Limits and timings of the intake.
const (
	// MaxRequestBytes bounds a comment request's body.
	MaxRequestBytes = 64 << 10
	// CommentInterval is the least time between two comments from the same
	// client address or email.
	CommentInterval = 15 * time.Second
	// MaxUserAgent bounds the stored User-Agent, in bytes.
	MaxUserAgent = 500
)

// Server is the comment intake. It is safe for concurrent use.
type Server struct {
	store   Store
	opt     Options
	log     *log.Logger
	now     func() time.Time
	spam    *spamModel
	handler http.Handler
	bg      sync.WaitGroup // background work (retraining) to wait for on shutdown
}

// NewServer returns an intake over st. It trains the spam classifier on
// the moderation history straight away; a failure to read the history is
// logged and the classifier starts empty.
func NewServer(st Store, opt Options) *Server {
	s := &Server{store: st, opt: opt}
	s.log = opt.Logger
	if s.log == nil {
		s.log = log.New(io.Discard, "", 0)
	}
	s.now = opt.Now
	if s.now == nil {
		s.now = time.Now
	}
	if opt.Site != "" {
		if info, err := os.Stat(opt.Site); err != nil || !info.IsDir() {
			s.log.Printf("site folder %s cannot be served (not a readable folder); GET requests will find nothing", opt.Site)
		}
	}
	s.spam = newSpamModel(st, s.log, s.now)
	s.spam.retrain()
	mux := http.NewServeMux()
	mux.HandleFunc("/comments", s.handleComments)
	mux.Handle("/", s.siteHandler())
	s.handler = secure(s.log, mux)
	return s
}

// Handler returns the intake's HTTP handler: POST /comments and GET /.
func (s *Server) Handler() http.Handler { return s.handler }

// secure sets the headers every answer carries and turns a panic into a
// plain 500 that reveals nothing.
func secure(logger *log.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				logger.Printf("panic serving %s %s: %v", r.Method, r.URL.Path, v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
