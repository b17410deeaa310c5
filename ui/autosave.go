package ui

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// autosaver coalesces a tab's saves: at most one store transaction is in
// flight; changes queued meanwhile are applied together in the next one, and
// a later change to the same item replaces the earlier one. So typing a note
// saves on every keystroke without piling up transactions.
type autosaver struct {
	d  tabDeps
	id string

	mu      sync.Mutex
	order   []string
	pending map[string]func(*model.Session) error
	running bool
}

func newAutosaver(d tabDeps, id string) *autosaver {
	return &autosaver{d: d, id: id, pending: map[string]func(*model.Session) error{}}
}

// queue records the change fn for item and returns the command that saves,
// or nil when a save is already running (it will pick the change up).
func (a *autosaver) queue(item string, fn func(*model.Session) error) tea.Cmd {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.pending[item]; !ok {
		a.order = append(a.order, item)
	}
	a.pending[item] = fn
	if a.running {
		return nil
	}
	a.running = true
	return a.run
}

// run saves until nothing is pending and reports the last result (savedMsg
// or errMsg) to the session screen.
func (a *autosaver) run() tea.Msg {
	var last tea.Msg
	for {
		a.mu.Lock()
		if len(a.order) == 0 {
			a.running = false
			a.mu.Unlock()
			return last
		}
		fns := make([]func(*model.Session) error, len(a.order))
		for i, item := range a.order {
			fns[i] = a.pending[item]
		}
		a.order = a.order[:0]
		clear(a.pending)
		a.mu.Unlock()

		last = saveCmd(a.d, a.id, func(s *model.Session) error {
			for _, fn := range fns {
				if err := fn(s); err != nil {
					return err
				}
			}
			return nil
		})()
	}
}

// newer reports whether a loaded session may replace cur: saves of different
// tabs can finish out of order, and an older copy must not undo a newer one.
func newer(loaded, cur *model.Session) bool {
	return loaded != nil && (cur == nil || !loaded.Updated.Before(cur.Updated))
}
