package ui

import (
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"ikz/model"
)

// Server limits that hold whatever a client sends. The figures are in the
// README's security section.
const (
	// DefaultHandshakeTimeout: a connection must have logged in and opened
	// its terminal by then. Generous, as people type the code from a
	// projector; OpenSSH allows 120 s.
	DefaultHandshakeTimeout = 60 * time.Second
	// DefaultMaxUnauth: connections still logging in, at most, server-wide.
	DefaultMaxUnauth = 64
	// MaxUnauthPerAddr: of those, at most this many from one address
	// (not for loopback: SSH tunnels all arrive from there).
	MaxUnauthPerAddr = 8
	// FreeFailures: failed passwords from one address before the backoff.
	FreeFailures = 5
	// FailDelay: after FreeFailures, one password check per address at
	// most this often.
	FailDelay = time.Second
	// failWaitMax: an attempt that would wait longer than this for its
	// turn is refused without checking the password.
	failWaitMax = 5 * time.Second
	// failMemory: failures are forgotten after this long without one.
	failMemory = 10 * time.Minute
	// DefaultKeepAlive: how often a logged-in client is asked to answer;
	// after KeepAliveMissed unanswered intervals the connection is dead.
	DefaultKeepAlive = 15 * time.Second
	KeepAliveMissed  = 3
	// DefaultModeratorSlots: connections with moderator credentials on top
	// of --max-conns, so a full room never locks the facilitator out.
	DefaultModeratorSlots = 3
)

// guard admits and watches connections: the cap on connections that have
// not logged in yet, the handshake deadline, the password backoff per
// address, keepalives, the idle limit, and the console log.
type guard struct {
	o   *ServeOptions
	now func() time.Time

	mu        sync.Mutex
	unauth    int
	unauthBy  map[string]int
	fails     map[string]*addrFails
	refusedAt map[string]time.Time // last "refused" log line per address

	logMu sync.Mutex
	log   io.Writer
}

type addrFails struct {
	n    int       // failures
	last time.Time // of the last failure
	next time.Time // earliest time of the next password check
}

func newGuard(o *ServeOptions) *guard {
	w := o.Log
	if w == nil {
		w = io.Discard
	}
	return &guard{o: o, now: time.Now, log: w,
		unauthBy: map[string]int{}, fails: map[string]*addrFails{}, refusedAt: map[string]time.Time{}}
}

// logf writes one console line with the time.
func (g *guard) logf(format string, args ...any) {
	g.logMu.Lock()
	defer g.logMu.Unlock()
	fmt.Fprintf(g.log, "%s %s\n", g.now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// addrOf is the client's IP address without port.
func addrOf(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// userName is the client's SSH user name made safe for a log line or the
// screen: it is whatever the client sent.
func userName(u string) string {
	u = model.SafeLine(u)
	if utf8.RuneCountInString(u) > 32 {
		u = string([]rune(u)[:32]) + "…"
	}
	return u
}

func isLoopbackIP(ip string) bool {
	p := net.ParseIP(ip)
	return p != nil && p.IsLoopback()
}

// guardKey holds a connection's *guardConn in its ssh.Context.
type guardKey struct{}

// accept is the ConnCallback: it admits a new TCP connection into the
// handshake, or refuses it when too many are still logging in.
func (g *guard) accept(ctx ssh.Context, c net.Conn) net.Conn {
	ip := addrOf(c.RemoteAddr())
	g.mu.Lock()
	full := g.unauth >= g.o.MaxUnauth
	if !full && !isLoopbackIP(ip) && g.unauthBy[ip] >= MaxUnauthPerAddr {
		full = true
	}
	if full {
		logIt := g.now().Sub(g.refusedAt[ip]) > 10*time.Second
		if logIt {
			g.refusedAt[ip] = g.now()
		}
		g.mu.Unlock()
		if logIt {
			g.logf("abgewiesen: %s – zu viele Verbindungen, die sich noch nicht angemeldet haben (höchstens %d)", ip, g.o.MaxUnauth)
		}
		return nil
	}
	g.unauth++
	g.unauthBy[ip]++
	g.mu.Unlock()

	gc := &guardConn{Conn: c, g: g, ip: ip}
	gc.timer.Store(time.AfterFunc(g.o.HandshakeTimeout, func() {
		if !gc.admitted.Load() {
			g.logf("getrennt: %s – nicht innerhalb von %s angemeldet", ip, g.o.HandshakeTimeout)
			gc.Close()
		}
	}))
	ctx.SetValue(guardKey{}, gc)
	return gc
}

// guardConn is a connection in the guard's books until it is admitted (a
// logged-in session started) or closed.
type guardConn struct {
	net.Conn
	g        *guard
	ip       string
	timer    atomic.Pointer[time.Timer]
	admitted atomic.Bool
	release  sync.Once
	closed   sync.Once
}

// admit takes the connection out of the unauthenticated count.
func (c *guardConn) admit() {
	c.admitted.Store(true)
	c.stopTimer()
	c.leaveUnauth()
}

// stopTimer stops the handshake deadline (nil only while accept sets it).
func (c *guardConn) stopTimer() {
	if t := c.timer.Load(); t != nil {
		t.Stop()
	}
}

func (c *guardConn) leaveUnauth() {
	c.release.Do(func() {
		c.g.mu.Lock()
		c.g.unauth--
		if c.g.unauthBy[c.ip]--; c.g.unauthBy[c.ip] <= 0 {
			delete(c.g.unauthBy, c.ip)
		}
		c.g.mu.Unlock()
	})
}

func (c *guardConn) Close() error {
	var err error
	c.closed.Do(func() {
		c.stopTimer()
		c.leaveUnauth()
		err = c.Conn.Close()
	})
	return err
}

// Unauthenticated is the number of connections still logging in.
func (s *Server) Unauthenticated() int {
	s.guard.mu.Lock()
	defer s.guard.mu.Unlock()
	return s.guard.unauth
}

// checkPassword runs check under the per-address backoff: after
// FreeFailures failures an address gets one check per FailDelay; an
// attempt whose turn is further away than failWaitMax fails unchecked.
func (g *guard) checkPassword(ctx ssh.Context, check func() bool) bool {
	ip := addrOf(ctx.RemoteAddr())
	now := g.now()
	g.mu.Lock()
	f := g.fails[ip]
	if f != nil && now.Sub(f.last) > failMemory {
		delete(g.fails, ip)
		f = nil
	}
	var wait time.Duration
	if f != nil && f.n >= FreeFailures {
		turn := f.next
		if turn.Before(now) {
			turn = now
		}
		wait = turn.Sub(now)
		if wait > failWaitMax {
			g.mu.Unlock()
			return false
		}
		f.next = turn.Add(FailDelay)
	}
	g.mu.Unlock()
	if wait > 0 {
		select {
		case <-time.After(wait):
		case <-ctx.Done(): // the handshake deadline closed the connection
			return false
		}
	}
	if check() {
		return true
	}

	now = g.now()
	g.mu.Lock()
	if f = g.fails[ip]; f == nil {
		g.prune(now)
		f = &addrFails{}
		g.fails[ip] = f
	}
	f.n++
	f.last = now
	if f.n == FreeFailures {
		f.next = now.Add(FailDelay)
	}
	n := f.n
	g.mu.Unlock()
	note := ""
	if n >= FreeFailures {
		note = fmt.Sprintf("; weitere Versuche von dieser Adresse höchstens einer pro %s", FailDelay)
	}
	g.logf("Anmeldung fehlgeschlagen: %s (Benutzer %q), %d. Fehlversuch%s", ip, userName(ctx.User()), n, note)
	return false
}

// prune forgets old failures so the table stays small whatever the number
// of addresses. Called with g.mu held.
func (g *guard) prune(now time.Time) {
	if len(g.fails) < 4096 {
		return
	}
	for ip, f := range g.fails {
		if now.Sub(f.last) > failMemory {
			delete(g.fails, ip)
		}
	}
	if len(g.fails) >= 4096 { // still full: drop the oldest half at random
		n := 0
		for ip := range g.fails {
			if n++; n%2 == 0 {
				delete(g.fails, ip)
			}
		}
	}
}

// watch closes a logged-in connection that stops answering keepalives,
// and, with an idle limit set, one whose client has sent no input for that
// long (the app's own output, such as a blinking cursor, does not count).
// It returns when done is closed.
func (g *guard) watch(conn gossh.Conn, lastInput *atomic.Int64, done <-chan struct{}, label string) {
	every := g.o.KeepAlive
	if g.o.Idle > 0 {
		every = min(every, max(g.o.Idle/5, 10*time.Millisecond))
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	var answered atomic.Int64
	answered.Store(g.now().UnixNano())
	lastAsk := time.Time{}
	asking := atomic.Bool{}
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		now := g.now()
		if now.Sub(lastAsk) >= g.o.KeepAlive && asking.CompareAndSwap(false, true) {
			lastAsk = now
			go func() {
				defer asking.Store(false)
				// Any reply (OpenSSH answers "failure") proves the
				// client is there.
				if _, _, err := conn.SendRequest("keepalive@openssh.com", true, nil); err == nil {
					answered.Store(g.now().UnixNano())
				}
			}()
		}
		if silent := now.Sub(time.Unix(0, answered.Load())); silent > g.o.KeepAlive*KeepAliveMissed {
			g.logf("getrennt: %s – antwortet seit %s nicht mehr (Verbindung abgebrochen)", label, silent.Round(time.Second))
			conn.Close()
			return
		}
		if g.o.Idle > 0 {
			if quiet := now.Sub(time.Unix(0, lastInput.Load())); quiet > g.o.Idle {
				g.logf("getrennt: %s – seit %s keine Eingabe (--idle)", label, g.o.Idle)
				conn.Close()
				return
			}
		}
	}
}
