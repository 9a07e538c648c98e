package intake

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// serve starts the server on a fresh 127.0.0.1 port and returns its base
// URL and the channel Serve's result arrives on.
func serve(t *testing.T, ctx context.Context, s *Server) (string, <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), done
}

// blockingStore holds AddReaderComment until released, to keep a request in
// flight.
type blockingStore struct {
	*storage.Store
	entered chan struct{}
	release chan struct{}
	once    sync.Once
}

func (s *blockingStore) AddReaderComment(ctx context.Context, c *domain.Comment, interval time.Duration) error {
	s.once.Do(func() { close(s.entered) })
	<-s.release
	return s.Store.AddReaderComment(ctx, c, interval)
}

func TestGracefulShutdownFinishesInFlightComment(t *testing.T) {
	clk := newClock()
	st, _ := newStore(t, clk)
	bs := &blockingStore{Store: st, entered: make(chan struct{}), release: make(chan struct{})}
	f := fixtureOver(t, st, clk, bs, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done := serve(t, ctx, f.srv)

	type result struct {
		code int
		err  error
	}
	answer := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, base+"/comments", strings.NewReader(form("Jo", "jo@example.org", "In flight.").Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answer <- result{err: err}
			return
		}
		resp.Body.Close()
		answer <- result{code: resp.StatusCode}
	}()
	select {
	case <-bs.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the request never reached the store")
	}
	cancel()
	// Shutting down: new connections are refused while the comment is
	// still being stored.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 200*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the listener still accepts connections after ctx was cancelled")
		}
		time.Sleep(20 * time.Millisecond)
	}
	select {
	case err := <-done:
		t.Fatalf("Serve returned (%v) before the in-flight request finished", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(bs.release)
	r := <-answer
	if r.err != nil || r.code != http.StatusAccepted {
		t.Fatalf("in-flight request: %d %v, want 202", r.code, r.err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
	if n := countComments(t, st, f.article.ID); n != 1 {
		t.Errorf("%d comments stored, want the in-flight one", n)
	}
}

func TestListenAndServeBadAddress(t *testing.T) {
	f := newFixture(t, Options{})
	err := f.srv.ListenAndServe(context.Background(), "256.0.0.1:http-nonsense")
	if err == nil || !strings.Contains(err.Error(), "listen on 256.0.0.1") {
		t.Errorf("error %v, want one naming the address", err)
	}
}

// TestSimultaneousPostsAreRateLimited sends many posts at the same
// instant from one address (or with one email) through two intake servers,
// each with its own connection to the database as two `newsroom serve`
// processes have: exactly one may pass, since the database decides.
func TestSimultaneousPostsAreRateLimited(t *testing.T) {
	cases := []struct {
		name string
		post func(i int) (url.Values, string)
	}{
		{"same address", func(i int) (url.Values, string) {
			return form(fmt.Sprintf("K%d", i), fmt.Sprintf("k%d@example.org", i), "Quick."), "192.0.2.60"
		}},
		{"same email", func(i int) (url.Values, string) {
			return form("K", "k@example.org", fmt.Sprintf("Quick %d.", i)), fmt.Sprintf("198.51.100.%d", i+1)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clk := newClock()
			st, path := newStore(t, clk)
			f := fixtureOver(t, st, clk, st, Options{})
			second, err := storage.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { second.Close() })
			g := fixtureOver(t, second, clk, second, Options{})
			servers := []*fixture{f, g}
			var ok, limited atomic.Int32
			var wg sync.WaitGroup
			gate := make(chan struct{})
			for i := range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-gate
					v, addr := tc.post(i)
					switch w := servers[i%2].postJSON(v, addr); w.Code {
					case http.StatusAccepted:
						ok.Add(1)
					case http.StatusTooManyRequests:
						limited.Add(1)
					default:
						t.Errorf("status %d: %s", w.Code, w.Body.String())
					}
				}()
			}
			close(gate)
			wg.Wait()
			if ok.Load() != 1 || limited.Load() != 19 {
				t.Errorf("%d accepted and %d limited, want 1 and 19", ok.Load(), limited.Load())
			}
			if n := countComments(t, f.store, f.article.ID); n != 1 {
				t.Errorf("%d stored, want 1", n)
			}
		})
	}
}

func TestBurst(t *testing.T) {
	t.Run("alone", func(t *testing.T) { burst(t, false, 1) })
	t.Run("with another writer on the file", func(t *testing.T) { burst(t, true, 1) })
	t.Run("through two intake servers", func(t *testing.T) { burst(t, false, 2) })
}

// burst posts 400 comments from 200 addresses (2 each, 16 s apart on the
// test clock) through 8 concurrent clients over a real listener. Every
// post is acceptable, so every one must be answered 2xx and stored. With
// servers = 2 the posts alternate between two intake servers, each with
// its own connection to the database, as two `newsroom serve` processes.
func burst(t *testing.T, otherWriter bool, servers int) {
	const (
		addresses = 200
		rounds    = 2
		clients   = 8
	)
	clk := newClock()
	st, path := newStore(t, clk)
	f := fixtureOver(t, st, clk, st, Options{Proxies: ProxyTrust{Hops: 1}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var bases []string
	for n := range servers {
		srv := f.srv
		if n > 0 {
			stN, err := storage.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer stN.Close()
			srv = fixtureOver(t, stN, clk, stN, Options{Proxies: ProxyTrust{Hops: 1}}).srv
		}
		base, done := serve(t, ctx, srv)
		bases = append(bases, base)
		defer func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
		}()
	}

	// The window: another store on the same file writing all along.
	stop := make(chan struct{})
	var writerDone sync.WaitGroup
	var otherWrites atomic.Int32
	if otherWriter {
		st2, err := storage.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer st2.Close()
		writerDone.Add(1)
		go func() {
			defer writerDone.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				c := &domain.Comment{ArticleID: f.other.ID, Author: "Editor", Email: "ed@example.org", Body: fmt.Sprintf("Reply %d", i),
					Status: domain.CommentApproved, ByEditor: true}
				if err := st2.AddComment(context.Background(), c); err != nil {
					t.Errorf("the other writer: %v", err)
					return
				}
				if err := st2.SetSetting(context.Background(), storage.SettingSiteTitle, fmt.Sprintf("Title %d", i)); err != nil {
					t.Errorf("the other writer: %v", err)
					return
				}
				otherWrites.Add(2)
			}
		}()
	}

	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	var (
		mu    sync.Mutex
		codes = map[int]int{}
		ids   = map[int64]bool{}
	)
	start := time.Now()
	for round := range rounds {
		jobs := make(chan int)
		var wg sync.WaitGroup
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range jobs {
					v := form(fmt.Sprintf("Reader %d", i), fmt.Sprintf("reader%d@example.org", i), fmt.Sprintf("Comment %d of reader %d.", round, i))
					req, _ := http.NewRequest(http.MethodPost, bases[i%len(bases)]+"/comments", strings.NewReader(v.Encode()))
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					req.Header.Set("Accept", "application/json")
					req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.0.%d.%d", i/250, i%250+1))
					resp, err := client.Do(req)
					if err != nil {
						t.Errorf("post %d/%d: %v", round, i, err)
						continue
					}
					var a answer
					var dec error
					if resp.StatusCode/100 == 2 {
						dec = decodeJSON(resp, &a)
					}
					resp.Body.Close()
					mu.Lock()
					codes[resp.StatusCode]++
					if dec != nil {
						t.Errorf("post %d/%d: %v", round, i, dec)
					} else if a.ID != 0 {
						ids[a.ID] = true
					}
					mu.Unlock()
				}
			}()
		}
		for i := range addresses {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		clk.Advance(CommentInterval + time.Second)
	}
	elapsed := time.Since(start)
	close(stop)
	writerDone.Wait()

	total := addresses * rounds
	ok := 0
	for code, n := range codes {
		if code/100 == 2 {
			ok += n
		} else {
			t.Errorf("%d answers with status %d", n, code)
		}
	}
	if ok != total || len(ids) != total {
		t.Errorf("%d posts answered 2xx with %d distinct ids, want %d", ok, len(ids), total)
	}
	if n := countComments(t, st, f.article.ID); n != ok {
		t.Errorf("%d comments stored, but %d were answered 2xx", n, ok)
	}
	t.Logf("%d posts by %d clients in %v: %.0f requests/s (other writer: %d writes)", total, clients, elapsed.Round(time.Millisecond),
		float64(total)/elapsed.Seconds(), otherWrites.Load())
}
