package ui

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/subtle"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"ikz/store"
)

// DefaultListen is where `ikz serve` listens unless told otherwise: this
// machine only.
const DefaultListen = "127.0.0.1:23234"

// HostKeyName is the file of the server's host key, next to the database.
const HostKeyName = "ikz_host_ed25519"

// ServeOptions configure the workshop server.
type ServeOptions struct {
	Listen string // default DefaultListen
	// Listener, if set, is used instead of listening on Listen (ikz serve
	// binds the port before it creates any file).
	Listener net.Listener
	Code     string // workshop code for password login; "" with AuthorizedKeys: keys only
	// ModeratorCode, if set, is the facilitator's password; then the
	// workshop code logs in participants, who answer for a municipality
	// in the Workshop tab only (Config.Participant). Without it everyone
	// with the workshop code may do everything. Keys from AuthorizedKeys
	// log in the facilitator.
	ModeratorCode  string
	AuthorizedKeys string // authorized_keys file; "" none
	HostKey        string // default HostKeyName next to the database
	// MaxConns: connections with the workshop code at most; default 30.
	// Moderator logins (code or key) have ModeratorSlots of their own on
	// top, so a full room never locks the facilitator out.
	MaxConns       int
	ModeratorSlots int           // default DefaultModeratorSlots
	Idle           time.Duration // disconnect after this long without client input; 0 never (default)
	NoColor        bool          // no colours for any client (NO_COLOR on the server)
	Sessions       []string      // only these sessions are shown (nil: all); see Config.Sessions

	HandshakeTimeout time.Duration // default DefaultHandshakeTimeout
	MaxUnauth        int           // default DefaultMaxUnauth
	KeepAlive        time.Duration // default DefaultKeepAlive
	// Log receives one line per connect, disconnect and failed login (the
	// server console); nil discards them.
	Log io.Writer

	// Refreshed is passed on to every connection's LiveModel (benchmarks).
	Refreshed func(store.Change)
}

// Server is a running workshop server: every connection gets the full TUI
// on the one shared store.
type Server struct {
	st      *store.Store
	srv     *ssh.Server
	ln      net.Listener
	opts    ServeOptions
	guard   *guard
	conns   atomic.Int32 // sessions running
	members atomic.Int32 // of those, logged in with the workshop code
	mods    atomic.Int32 // of those, with moderator credentials
	closing atomic.Bool  // Serve's error after Close is expected, not a failure
	done    chan struct{}
	err     error
	wg      sync.WaitGroup
	claims  *Claims // which connection answers for which municipality
}

// Banner is shown by ssh clients before the password prompt.
const Banner = "IKZ-Lotse Workshop\nAls Passwort den Workshop-Code eingeben (steht an der Projektion oder kommt von der Moderation).\n"

// IsLoopback reports whether addr (host:port) only listens on this machine.
// An empty host means every interface, which is not loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve listens and serves the TUI over SSH in the background; Close (or
// Shutdown) stops it. The store stays open and belongs to the caller.
func Serve(st *store.Store, o ServeOptions) (*Server, error) {
	if o.Listen == "" {
		o.Listen = DefaultListen
	}
	if o.MaxConns <= 0 {
		o.MaxConns = 30
	}
	if o.ModeratorSlots <= 0 {
		o.ModeratorSlots = DefaultModeratorSlots
	}
	if o.HandshakeTimeout <= 0 {
		o.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if o.MaxUnauth <= 0 {
		o.MaxUnauth = DefaultMaxUnauth
	}
	if o.KeepAlive <= 0 {
		o.KeepAlive = DefaultKeepAlive
	}
	if o.Code == "" && o.AuthorizedKeys == "" {
		return nil, errors.New("weder Workshop-Code noch Schlüsseldatei angegeben – ohne Anmeldung startet der Server nicht")
	}
	if o.Code != "" {
		if err := CheckCode("Der Workshop-Code", o.Code); err != nil {
			return nil, err
		}
	}
	if o.ModeratorCode != "" {
		if err := CheckCode("Der Moderationscode", o.ModeratorCode); err != nil {
			return nil, err
		}
	}
	if o.ModeratorCode != "" && sameCode(o.ModeratorCode, o.Code) {
		return nil, errors.New("der Moderationscode muss sich vom Workshop-Code unterscheiden")
	}
	if o.AuthorizedKeys != "" {
		if _, err := os.Stat(o.AuthorizedKeys); err != nil {
			return nil, fmt.Errorf("Schlüsseldatei %s nicht lesbar: %w – bitte den Pfad bei --authorized-keys prüfen", o.AuthorizedKeys, err)
		}
	}
	ln := o.Listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", o.Listen); err != nil {
			return nil, ListenError(o.Listen, err)
		}
	}
	if o.HostKey == "" {
		o.HostKey = filepath.Join(filepath.Dir(st.Path()), HostKeyName)
	}
	if err := ensureHostKey(o.HostKey); err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{st: st, opts: o, done: make(chan struct{}), claims: NewClaims(st.Announce)}
	s.guard = newGuard(&s.opts)

	opts := []ssh.Option{
		wish.WithHostKeyPath(o.HostKey),
		wish.WithMiddleware(bm.Middleware(s.handler), s.limit()),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.guard.accept
			srv.Banner = Banner
			return nil
		},
	}
	if o.Code != "" || o.ModeratorCode != "" {
		opts = append(opts, wish.WithPasswordAuth(func(ctx ssh.Context, pw string) bool {
			return s.guard.checkPassword(ctx, func() bool {
				switch {
				case sameCode(pw, o.ModeratorCode):
					return true
				case sameCode(pw, o.Code):
					ctx.SetValue(workshopCodeKey{}, true)
					if o.ModeratorCode != "" {
						ctx.SetValue(participantKey{}, true)
					}
					return true
				}
				return false
			})
		}))
	}
	if o.AuthorizedKeys != "" {
		opts = append(opts, wish.WithAuthorizedKeys(o.AuthorizedKeys))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("SSH-Server lässt sich nicht einrichten (Schlüssel %s): %w", o.HostKey, err)
	}
	s.srv = srv
	s.ln = ln
	go func() {
		defer close(s.done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, ssh.ErrServerClosed) && !s.closing.Load() {
			s.err = err
		}
	}()
	return s, nil
}

// ListenError is the German message for an address that cannot be used.
func ListenError(addr string, err error) error {
	return fmt.Errorf("Adresse %s ist nicht verfügbar: %w – läuft schon ein ikz serve? Sonst mit --listen eine andere Adresse wählen", addr, err)
}

// Addr is the address the server listens on (with the real port when the
// options asked for port 0).
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Conns is the number of open connections.
func (s *Server) Conns() int { return int(s.conns.Load()) }

// Close stops the server at once, ending every connection. Nothing is lost:
// every answer was saved when it was given.
func (s *Server) Close() error {
	s.closing.Store(true)
	err := s.srv.Close()
	s.ln.Close() // Serve may not have registered it yet
	<-s.done
	s.wg.Wait()
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	return errors.Join(err, s.err)
}

// participantKey marks a connection that logged in with the workshop code
// while a moderator code is set.
type participantKey struct{}

// workshopCodeKey marks a connection that logged in with the workshop code
// (it takes one of MaxConns; moderator logins have slots of their own).
type workshopCodeKey struct{}

// sameCode compares a typed code with want ("" never matches), ignoring
// case and surrounding blanks, in constant time.
func sameCode(typed, want string) bool {
	norm := func(s string) []byte { return []byte(strings.ToUpper(strings.TrimSpace(s))) }
	return strings.TrimSpace(want) != "" && subtle.ConstantTimeCompare(norm(typed), norm(want)) == 1
}

// limit is the outermost middleware of a logged-in session: it takes the
// connection out of the handshake count, turns away sessions above the
// slots of their kind with a German note, logs connect and disconnect, and
// watches the connection (keepalives, idle limit) while the app runs.
func (s *Server) limit() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			ctx := sess.Context()
			if gc, ok := ctx.Value(guardKey{}).(*guardConn); ok {
				gc.admit()
			}
			member, _ := ctx.Value(workshopCodeKey{}).(bool)
			kind, count, max := "Moderation", &s.mods, s.opts.ModeratorSlots
			if member {
				kind, count, max = "Teilnehmende", &s.members, s.opts.MaxConns
				if participant, _ := ctx.Value(participantKey{}).(bool); !participant {
					kind = "Workshop-Code"
				}
			}
			label := fmt.Sprintf("%s als %q", addrOf(sess.RemoteAddr()), userName(sess.User()))
			n := count.Add(1)
			defer count.Add(-1)
			if int(n) > max {
				s.guard.logf("abgewiesen: %s – alle %d Plätze (%s) belegt", label, max, kind)
				fmt.Fprintf(sess, "Der Workshop ist voll (höchstens %d Verbindungen). Bitte später erneut verbinden.\r\n", max)
				_ = sess.Exit(1)
				return
			}
			s.conns.Add(1)
			defer s.conns.Add(-1)
			start := time.Now()
			s.guard.logf("verbunden: %s (%s, %d/%d)", label, kind, n, max)
			defer func() {
				s.guard.logf("getrennt: %s nach %s", label, time.Since(start).Round(time.Second))
			}()

			gs := newGuardedSession(sess)
			done := make(chan struct{})
			defer close(done)
			if conn, ok := ctx.Value(ssh.ContextKeyConn).(gossh.Conn); ok {
				go s.guard.watch(conn, gs.lastInput, done, label)
			}
			// No drainQueues here: it would run other connections' queued
			// writes in this goroutine and their programs would never get
			// the result. Writes this connection started finish on their
			// own – the server process lives on.
			next(gs)
		}
	}
}

// handler builds the app of one connection, subscribed to the store's
// changes until the connection ends.
func (s *Server) handler(sess ssh.Session) (tea.Model, []tea.ProgramOption) {
	changes, stop := s.st.Subscribe()
	conn := s.claims.Connect(sess.User()) // the SSH user name preselects a municipality
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		<-sess.Context().Done()
		stop()
		s.claims.Disconnect(conn)
	}()
	// Styles for this client's terminal: its colour depth and background,
	// not the server's.
	r := bm.MakeRenderer(sess)
	if s.opts.NoColor {
		r.SetColorProfile(termenv.Ascii)
	}
	styles := NewStylesFor(r, DefaultPalette())
	participant, _ := sess.Context().Value(participantKey{}).(bool)
	m := NewLive(s.st, Config{Workshop: true, Remote: true, Styles: styles, Sessions: s.opts.Sessions, Participant: participant,
		User: userName(sess.User()), Claims: s.claims, Conn: conn, Join: JoinLine(s.Addr(), s.opts.Code)}, changes)
	m.Refreshed = s.opts.Refreshed
	// 120 frames a second (Bubble Tea's most; 60 by default): a change
	// waits at most 8 ms, not 17, for the next frame on the others'
	// screens. Frames that did not change are not sent.
	return m, []tea.ProgramOption{tea.WithAltScreen(), tea.WithFPS(120)}
}

// ensureHostKey creates the host key once (ed25519, 0600) and insists on
// 0600 afterwards: a key others can read lets them impersonate the server.
func ensureHostKey(path string) error {
	fi, err := os.Stat(path)
	switch {
	case err == nil:
		if fi.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(path, 0o600); err != nil {
				return fmt.Errorf("Host-Schlüssel %s ist für andere lesbar und lässt sich nicht schützen: %w – bitte chmod 600 ausführen", path, err)
			}
		}
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("Host-Schlüssel %s nicht lesbar: %w", path, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("Host-Schlüssel lässt sich nicht erzeugen: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "ikz serve")
	if err != nil {
		return fmt.Errorf("Host-Schlüssel lässt sich nicht erzeugen: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("Verzeichnis für den Host-Schlüssel %s lässt sich nicht anlegen: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("Host-Schlüssel %s lässt sich nicht anlegen: %w – ist das Verzeichnis beschreibbar?", path, err)
	}
	if err := pem.Encode(f, block); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("Host-Schlüssel %s lässt sich nicht schreiben: %w", path, err)
	}
	return f.Close()
}
