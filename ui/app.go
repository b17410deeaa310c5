// Package ui is the interactive quick check: a Bubble Tea program with a
// start screen (the saved sessions), a new-session form and the session
// screen with its tabs. All store access runs in commands that report back
// with typed messages; screens talk to the root model the same way.
package ui

import (
	"log"
	"os"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// screen is what the root model shows.
type screen int

const (
	screenStart   screen = iota // the list of saved sessions
	screenNew                   // the new-session form
	screenSession               // one open session with its tabs
)

func (s screen) String() string {
	switch s {
	case screenStart:
		return "Start"
	case screenNew:
		return "Neue Sitzung"
	case screenSession:
		return "Sitzung"
	}
	return "unbekannt"
}

// Messages that switch screens.
type (
	// newSessionMsg opens the new-session form.
	newSessionMsg struct{}
	// openSessionMsg asks the root to load a session and show it.
	openSessionMsg struct{ id string }
	// sessionOpenedMsg carries a loaded (or just created) session.
	sessionOpenedMsg struct{ sess *model.Session }
	// backMsg returns to the start screen; status is shown there.
	backMsg struct {
		status   string
		selectID string
	}
)

// Config is what New needs besides the store.
type Config struct {
	Styles   *Styles          // nil: NewStyles(DefaultPalette())
	Now      func() time.Time // nil: time.Now
	Present  bool             // presenter view (projector); passed on for the workshop mode
	Workshop bool             // Workshop tab in every session (ikz serve)
	// Remote: a connection of ikz serve. Participants must not delete
	// sessions or write report files onto the server's disk.
	Remote bool
	// Sessions, if set, are the only sessions listed and opened (ikz serve
	// --session): participants see the workshop, not the facilitator's
	// other sessions. Creating and copying sessions is off then.
	Sessions []string
	// Participant: logged in with the workshop code, not as the
	// facilitator. Such a connection answers for a municipality in the
	// Workshop tab only; joint answers and the other tabs are the
	// facilitator's. Sessions cannot be created, copied or renamed.
	Participant bool
	// User is the SSH user name of an ikz serve connection (made safe for
	// the screen); "" locally.
	User string
	// Claims and Conn: which municipality this connection answers for in
	// a workshop (ui/claims.go); nil outside ikz serve, where one person
	// at the keyboard needs no claim.
	Claims *Claims
	Conn   uint64
	// Join is how to join the workshop, for the projector ("ssh -p 23234
	// kommune@192.168.1.20 · Code K7QX2M9P"); "" outside ikz serve.
	Join string
}

// Model is the root model: a small state machine over the screens.
type Model struct {
	d       tabDeps
	keys    globalKeys
	present bool
	debug   bool // log every message (DEBUG set; Run sends the log to a file)

	started time.Time // when Run began; the first frames are logged against it
	frames  int

	screen        screen
	width, height int

	start   startModel
	form    *createModel
	session *sessionModel

	// opened: a session was opened on this connection. With exactly one
	// session shared (ikz serve --session ID) the first list opens it
	// directly; after that, esc leads to the list as usual.
	opened bool

	quitArmed bool // q was pressed once with unsaved changes (autosave.go)
}

// showStatus puts an error text in the status line of the visible screen.
func (m *Model) showStatus(text string) {
	switch {
	case text == "":
	case m.screen == screenSession && m.session != nil:
		m.session.status, m.session.statusErr = text, true
	case m.screen == screenStart:
		m.start.status, m.start.statusErr = text, true
	}
}

// New builds the root model. Init loads the session list.
func New(st *store.Store, c Config) *Model {
	if c.Styles == nil {
		c.Styles = NewStyles(DefaultPalette())
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	d := tabDeps{store: st, styles: c.Styles, now: c.Now, workshop: c.Workshop || c.Present, present: c.Present, remote: c.Remote,
		participant: c.Participant, saves: &saveTracker{}, claims: c.Claims, conn: c.Conn, join: c.Join}
	if c.Sessions != nil {
		d.only = map[string]bool{}
		for _, id := range c.Sessions {
			d.only[id] = true
		}
	}
	return &Model{
		d:       d,
		keys:    defaultGlobalKeys(),
		present: c.Present,
		debug:   os.Getenv("DEBUG") != "",
		start:   newStartModel(d),
	}
}

// Screen reports the active screen (for tests and the workshop mode).
func (m *Model) Screen() string { return m.screen.String() }

// Init loads the session list.
func (m *Model) Init() tea.Cmd { return m.start.Init() }

// Update handles, in this order: ctrl+c, resizes, messages that switch
// screens, messages a screen owns, and finally hands the rest to the active
// screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.debug { // DEBUG=1 writes ikz-debug.log
		if k, ok := msg.(tea.KeyMsg); ok {
			log.Printf("%s: key %q", m.screen, k.String())
		} else {
			log.Printf("%s: %T", m.screen, msg)
		}
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes {
		// Typed and pasted text passes the one rule before any field sees
		// it: the input widgets drop control characters but not bidi
		// overrides. (Escape sequences never arrive as runes.)
		k.Runes = safeRunes(k.Runes)
		if len(k.Runes) == 0 {
			return m, nil
		}
		msg = k
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.Interrupt) {
			return m, tea.Interrupt
		}
		if key.Matches(msg, m.keys.Quit) && !m.capturing() {
			if p := m.d.saves.problem(); p != "" && !m.quitArmed {
				m.quitArmed = true // unsaved changes: the second q quits
				m.showStatus("q noch einmal: trotzdem beenden · " + p)
				return m, nil
			}
			return m, tea.Quit
		}
		m.quitArmed = false
		if m.tooSmall() {
			return m, nil // nothing visible to act on
		}

	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil

	case newSessionMsg:
		m.form = newCreateModel(m.d)
		m.form.SetSize(m.contentSize())
		m.screen = screenNew
		return m, m.form.Init()

	case openSessionMsg:
		if !m.d.shows(msg.id) {
			return m, nil
		}
		return m, loadSessionCmd(m.d, msg.id)

	case sessionOpenedMsg:
		m.opened = true
		s, cmd := newSessionModel(m.d, msg.sess)
		s.SetSize(m.contentSize())
		m.session, m.form = s, nil
		m.screen = screenSession
		return m, cmd

	case backMsg:
		m.form, m.session = nil, nil
		m.screen = screenStart
		if p := m.d.saves.problem(); p != "" {
			msg.status = p
		}
		return m, m.start.reload(msg.selectID, msg.status)

	case saveFailedMsg:
		// The retry is the program's, not the screen's: it must happen
		// also after the user has left the session.
		retry := tea.Tick(msg.retryIn, func(time.Time) tea.Msg { return retrySaveMsg{msg.saver} })
		if m.screen == screenSession && m.session != nil {
			return m, tea.Batch(retry, m.session.Update(msg))
		}
		m.showStatus(m.d.saves.problem())
		return m, retry

	case retrySaveMsg:
		return m, msg.saver.retry()

	case summariesMsg:
		// The list belongs to the start screen even while it is hidden.
		var cmd tea.Cmd
		m.start, cmd = m.start.Update(msg)
		if len(m.d.only) == 1 && !m.opened && m.screen == screenStart {
			if sel, ok := m.start.selected(); ok {
				m.opened = true
				return m, tea.Batch(cmd, loadSessionCmd(m.d, sel.ID))
			}
		}
		return m, cmd
	}

	var cmd tea.Cmd
	switch m.screen {
	case screenStart:
		m.start, cmd = m.start.Update(msg)
	case screenNew:
		if m.form != nil {
			cmd = m.form.Update(msg)
		}
	case screenSession:
		if m.session != nil {
			cmd = m.session.Update(msg)
		}
	}
	return m, cmd
}

// capturing reports whether the active screen has a text field with the
// keyboard, so that q is a letter and not "quit".
func (m *Model) capturing() bool {
	switch m.screen {
	case screenStart:
		return m.start.capturing()
	case screenNew:
		return true
	case screenSession:
		return m.session != nil && m.session.capturing()
	}
	return false
}

func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// contentSize is the size screens lay out for: the terminal, but never
// below the minimum (below it the root shows a note instead).
func (m *Model) contentSize() (int, int) {
	return max(m.width, minWidth), max(m.height, minHeight)
}

func (m *Model) resize() {
	w, h := m.contentSize()
	m.start.SetSize(w, h)
	if m.form != nil {
		m.form.SetSize(w, h)
	}
	if m.session != nil {
		m.session.SetSize(w, h)
	}
}

// View renders the active screen, cut to the terminal size.
func (m *Model) View() string {
	if m.width == 0 || m.height == 0 {
		return "" // the first size has not arrived yet
	}
	if m.debug && m.frames < 3 {
		m.frames++
		log.Printf("frame %d (%s, list loaded %v) after %s", m.frames, m.screen, m.start.loaded, time.Since(m.started))
	}
	if m.tooSmall() {
		return fit(m.tooSmallView(), m.width, m.height)
	}
	var v string
	switch m.screen {
	case screenStart:
		v = m.start.View()
	case screenNew:
		v = m.form.View()
	case screenSession:
		v = m.session.View()
	}
	return fit(v, m.width, m.height)
}

func (m *Model) tooSmallView() string {
	s := m.d.styles
	return s.TooSmall.Render("Fenster zu klein (mind. 80x24)") + "\n" +
		s.Muted.Render("Bitte vergrößern – q beendet.")
}

// loadSessionCmd reads one session from the store.
func loadSessionCmd(d tabDeps, id string) tea.Cmd {
	return func() tea.Msg {
		sess, err := d.store.Get(id)
		if err != nil {
			return errMsg{err}
		}
		return sessionOpenedMsg{sess}
	}
}
