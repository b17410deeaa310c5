package ui

import (
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
)

// The largest terminal a client may announce. The app draws every cell of
// the window it is told about, so an announced 65535×65535 once made the
// server allocate gigabytes; larger announcements are treated as this size
// (a 4K screen with a small font is about 400×120).
const (
	MaxWindowWidth  = 400
	MaxWindowHeight = 200
)

// clampWindow bounds what a client announces.
func clampWindow(w ssh.Window) ssh.Window {
	w.Width = min(max(w.Width, 0), MaxWindowWidth)
	w.Height = min(max(w.Height, 0), MaxWindowHeight)
	return w
}

// guardedSession is the ssh.Session the app sees: window sizes clamped and
// coalesced (a resize storm costs one redraw per size the app gets round
// to, not one per request), and the time of the client's last input
// recorded for the idle limit.
type guardedSession struct {
	ssh.Session
	win       chan ssh.Window
	lastInput *atomic.Int64
}

func newGuardedSession(s ssh.Session) *guardedSession {
	g := &guardedSession{Session: s, win: make(chan ssh.Window, 1), lastInput: new(atomic.Int64)}
	g.lastInput.Store(time.Now().UnixNano())
	_, src, _ := s.Pty()
	if src != nil {
		go g.forward(src)
	}
	return g
}

// forward passes window changes on, clamped, keeping only the newest one
// the app has not taken yet.
func (g *guardedSession) forward(src <-chan ssh.Window) {
	done := g.Context().Done()
	for {
		var w ssh.Window
		var ok bool
		select {
		case <-done:
			return
		case w, ok = <-src:
			if !ok {
				return
			}
		}
		w = clampWindow(w)
		for {
			select {
			case g.win <- w:
			default:
				select {
				case <-g.win: // drop the older size nobody drew yet
				default:
				}
				continue
			}
			break
		}
	}
}

func (g *guardedSession) Pty() (ssh.Pty, <-chan ssh.Window, bool) {
	p, _, ok := g.Session.Pty()
	p.Window = clampWindow(p.Window)
	return p, g.win, ok
}

// Read is the client's input: keys, pastes, mouse.
func (g *guardedSession) Read(b []byte) (int, error) {
	n, err := g.Session.Read(b)
	if n > 0 {
		g.lastInput.Store(time.Now().UnixNano())
	}
	return n, err
}
