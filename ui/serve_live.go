package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// LiveModel is the app for one connection of `ikz serve`: the normal root
// model, plus live updates. It subscribes to the store's change feed and
// waits on it in a command (no polling loop); on a change it re-reads what
// the screen shows — the open session, or the session list — so every
// participant sees the others' answers as soon as they are saved.
type LiveModel struct {
	*Model
	changes <-chan store.Change
	// Refreshed, if set, is called after a change from the feed was
	// applied to the screen (for the latency benchmark).
	Refreshed func(store.Change)

	// The last frame: Bubble Tea asks for a frame after every message,
	// and a change notice alone changes nothing on screen until the
	// re-read session arrives.
	frame   string
	frameOK bool
}

// NewLive builds the app of one connection. changes is a subscription
// (store.Subscribe); the caller ends it when the connection closes, which
// also ends the waiting command.
func NewLive(st *store.Store, c Config, changes <-chan store.Change) *LiveModel {
	return &LiveModel{Model: New(st, c), changes: changes}
}

// storeChangedMsg is a change from the feed.
type storeChangedMsg struct{ c store.Change }

// liveSessionMsg is the open session, re-read after a change.
type liveSessionMsg struct {
	c    store.Change
	sess *model.Session
}

// waitChange blocks (in the command's goroutine) until the next change.
func (l *LiveModel) waitChange() tea.Msg {
	c, ok := <-l.changes
	if !ok {
		return nil // subscription ended: the connection is closing
	}
	return storeChangedMsg{c}
}

func (l *LiveModel) Init() tea.Cmd { return tea.Batch(l.Model.Init(), l.waitChange) }

func (l *LiveModel) View() string {
	if !l.frameOK {
		l.frame, l.frameOK = l.Model.View(), true
	}
	return l.frame
}

func (l *LiveModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(storeChangedMsg); !ok {
		l.frameOK = false
	}
	switch msg := msg.(type) {
	case storeChangedMsg:
		return l, tea.Batch(l.waitChange, l.refresh(msg.c))
	case liveSessionMsg:
		s := l.session
		if l.screen == screenSession && s != nil && s.sess.ID == msg.sess.ID && newer(msg.sess, s.sess) {
			cmd := s.sessionChanged(msg.sess)
			l.refreshed(msg.c)
			return l, cmd
		}
		l.refreshed(msg.c)
		return l, nil
	}
	_, cmd := l.Model.Update(msg)
	return l, cmd
}

func (l *LiveModel) refreshed(c store.Change) {
	if l.Refreshed != nil {
		l.Refreshed(c)
	}
}

// refresh re-reads what the current screen shows, if the change concerns it.
func (l *LiveModel) refresh(c store.Change) tea.Cmd {
	switch l.screen {
	case screenSession:
		// "" is several sessions at once: the open one may be among them.
		if l.session == nil || (c.SessionID != "" && l.session.sess.ID != c.SessionID) {
			return nil
		}
		st, id := l.d.store, l.session.sess.ID
		return func() tea.Msg {
			sess, err := st.Get(id)
			if err != nil {
				return nil // deleted meanwhile: the user's next action says so
			}
			return liveSessionMsg{c: c, sess: sess}
		}
	case screenStart:
		if l.start.capturing() {
			return nil // do not disturb a rename or a filter being typed
		}
		sel := ""
		if s, ok := l.start.selected(); ok {
			sel = s.ID
		}
		return l.start.reload(sel, "")
	}
	return nil
}
