package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// tab is one tab of the session screen (Profil, the three phases,
// Empfehlung, …). The session screen routes messages to the active tab only,
// except sessionLoadedMsg which every tab receives (a hidden tab when it is
// shown next).
type tab interface {
	Update(msg tea.Msg) (tab, tea.Cmd)
	View() string
	// SetSize gives the tab its content box (without tab bar, status and footer).
	SetSize(width, height int)
	// KeyMap returns the tab's keys for the footer and the full help.
	KeyMap() help.KeyMap
	// Capturing reports whether the tab is in a text input right now: the
	// session screen then leaves printable keys (q, 1–5, …) to the tab.
	Capturing() bool
}

// tabDeps is what every tab gets at construction.
type tabDeps struct {
	store  *store.Store
	styles *Styles
	now    func() time.Time

	workshop bool            // every session gets the Workshop tab (ikz serve, --present); see workshop_tab.go
	present  bool            // the session screen starts in the presenter view (present.go)
	remote   bool            // a connection of ikz serve: no deleting, no report files (Config.Remote)
	only     map[string]bool // the sessions shown (Config.Sessions); nil: all
	// participant: a participant of ikz serve (Config.Participant): only
	// the Workshop tab, answering for a municipality, no joint answers.
	participant bool
	saves       *saveTracker // failed saves still pending (autosave.go)
	claims      *Claims      // who answers for which municipality (ikz serve); nil: no claims needed
	conn        uint64       // this connection in claims
	join        string       // how to join the workshop (Config.Join), for the projector

	// changes applies the changes of the open session and keeps its undo
	// history (session_changes.go); set by the session screen.
	changes *changer
}

// sessionLoadedMsg carries the current state of the open session; it is sent
// after opening and after every successful save, to every tab (see
// sessionModel.stale).
type sessionLoadedMsg struct{ sess *model.Session }

// savedMsg reports a successful autosave; the session screen shows
// "gespeichert HH:MM:SS" and forwards sess to the tabs as sessionLoadedMsg.
type savedMsg struct {
	sess *model.Session
	at   time.Time
	what string // the change, named for the status line ("" : just saved)
}

// errMsg reports a failed store operation; shown in the status line.
type errMsg struct{ err error }

// saveCmd runs fn against the store in a command and reports savedMsg or errMsg.
func saveCmd(d tabDeps, id string, fn func(*model.Session) error) tea.Cmd {
	return func() tea.Msg {
		sess, err := d.store.Update(id, fn)
		if err != nil {
			return errMsg{err}
		}
		return savedMsg{sess: sess, at: d.now()}
	}
}

// jumpMsg asks the session screen to switch to a tab and focus an item
// (e.g. from the list of unanswered questions in Empfehlung to a profile key).
type jumpMsg struct {
	tab  int    // index in the tab bar
	item string // profile key, guiding question ID or quick item ID
}

// Optional tab interfaces (added by tui-shell; the session screen checks for
// them with a type assertion, so a tab implements only what it needs).

// tabIniter is implemented by a tab that has start-up commands (e.g. a huh
// form's Init: focus, cursor blink). The session screen runs Init once, right
// after constructing the tab.
type tabIniter interface {
	Init() tea.Cmd
}

// escWanter is implemented by a tab with an inner level (an open detail, a
// running filter, a form group). While WantsEsc is true the session screen
// forwards esc to the tab; otherwise esc leaves the session for the start
// screen. A tab that is Capturing always receives esc.
type escWanter interface {
	WantsEsc() bool
}

// shows reports whether session id may be listed and opened.
func (d tabDeps) shows(id string) bool { return d.only == nil || d.only[id] }
