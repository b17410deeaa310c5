package ui

import (
	"errors"
	"fmt"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// autosaver coalesces a tab's saves: at most one store transaction is in
// flight; changes queued meanwhile are applied together in the next one, and
// a later change to the same item replaces the earlier one. So typing a note
// saves on every keystroke without piling up transactions.
//
// A change is only dropped from the queue once the store has committed it.
// When a save fails (disk full, file write-protected, the database damaged)
// its changes go back into the queue unless a newer change to the same item
// has come in, the session screen shows "nicht gespeichert" with the reason,
// and the saver tries again after a pause (retryDelay) and with every new
// change. Nothing the user typed is silently lost, and no later success can
// hide a failure (see sessionModel: "gespeichert" only when no saver has
// changes left).
type autosaver struct {
	d  tabDeps
	id string

	mu       sync.Mutex
	order    []string
	pending  map[string]func(*model.Session) error
	running  bool
	failures int // consecutive failed saves, for the retry pause
}

// saveTracker knows which savers of a program hold changes that failed to
// save, so that no screen says "gespeichert" while one does and quitting
// asks first. One per program (tabDeps.saves); nil-safe for tests.
type saveTracker struct {
	mu     sync.Mutex
	failed map[pendingSaver]error
}

// pendingSaver is what holds changes that may fail to save: a tab's
// autosaver or the session's changer (session_changes.go).
type pendingSaver interface {
	retry() tea.Cmd // save what is pending (nil when nothing is or a save runs)
	unsaved() int   // changes not yet committed
}

// saveRetryable reports whether a failed save is kept and tried again:
// the disk or file failed, not the change itself (a change that is invalid
// or stale is refused once, with its reason).
func saveRetryable(err error) bool {
	var (
		fe *store.FileError
		ce *store.CorruptError
		iu *store.InUseError
	)
	return errors.As(err, &fe) || errors.As(err, &ce) || errors.As(err, &iu)
}

func (t *saveTracker) set(a pendingSaver, err error) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err == nil {
		delete(t.failed, a)
		return
	}
	if t.failed == nil {
		t.failed = map[pendingSaver]error{}
	}
	t.failed[a] = err
}

// problem returns the status text for unsaved changes ("" when there are
// none): how many, and the reason of one failure.
func (t *saveTracker) problem() string {
	if t == nil {
		return ""
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	var reason error
	for a, err := range t.failed {
		n += a.unsaved()
		reason = err
	}
	if reason == nil {
		return ""
	}
	return unsavedText(n, reason)
}

// flush tries every saver with failed changes once more, synchronously
// (the program is ending), and returns what is still not saved ("" when
// everything is).
func (t *saveTracker) flush() string {
	if t == nil {
		return ""
	}
	t.mu.Lock()
	savers := make([]pendingSaver, 0, len(t.failed))
	for a := range t.failed {
		savers = append(savers, a)
	}
	t.mu.Unlock()
	for _, a := range savers {
		if cmd := a.retry(); cmd != nil {
			cmd()
		}
	}
	return t.problem()
}

// unsavedText is the status line for changes that are not saved.
func unsavedText(n int, err error) string {
	what := "1 Änderung"
	if n != 1 {
		what = fmt.Sprintf("%d Änderungen", n)
	}
	return fmt.Sprintf("nicht gespeichert (%s, neuer Versuch läuft): %v", what, err)
}

func newAutosaver(d tabDeps, id string) *autosaver {
	return &autosaver{d: d, id: id, pending: map[string]func(*model.Session) error{}}
}

// saveFailedMsg reports that a save failed and its changes are still
// pending; the session screen shows it and sends retrySaveMsg after retryIn.
type saveFailedMsg struct {
	saver   pendingSaver
	err     error
	pending int            // changes (items) still waiting
	retryIn time.Duration  // pause before the next attempt
	sess    *model.Session // the result of an earlier successful batch of this run, or nil
}

// retrySaveMsg asks a saver to try its pending changes again.
type retrySaveMsg struct{ saver pendingSaver }

// retryDelay is the pause after the n-th consecutive failure: 1 s, 2 s,
// 4 s … at most 30 s.
func retryDelay(n int) time.Duration {
	d := time.Second << min(max(n-1, 0), 5)
	return min(d, 30*time.Second)
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

// retry returns the command that saves what is still pending, or nil when
// nothing is (or a save is running and will take it).
func (a *autosaver) retry() tea.Cmd {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.running || len(a.order) == 0 {
		return nil
	}
	a.running = true
	return a.run
}

// unsaved is the number of changes not yet committed.
func (a *autosaver) unsaved() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.order)
}

// run saves until nothing is pending and reports savedMsg, or
// saveFailedMsg with the changes put back.
func (a *autosaver) run() tea.Msg {
	var last *savedMsg
	var refused []tea.Msg // errMsg of changes refused for themselves
	for {
		a.mu.Lock()
		if len(a.order) == 0 {
			a.running = false
			a.failures = 0
			a.mu.Unlock()
			a.d.saves.set(a, nil)
			return a.report(last, refused)
		}
		items := append([]string(nil), a.order...)
		fns := make([]func(*model.Session) error, len(items))
		for i, item := range items {
			fns[i] = a.pending[item]
		}
		a.order = a.order[:0]
		clear(a.pending)
		a.mu.Unlock()

		msg := saveCmd(a.d, a.id, func(s *model.Session) error {
			for _, fn := range fns {
				if err := fn(s); err != nil {
					return err
				}
			}
			return nil
		})()
		if m, ok := msg.(savedMsg); ok {
			last = &m
			continue
		}
		err := msg.(errMsg).err // saveCmd gives savedMsg or errMsg
		if saveRetryable(err) {
			return a.requeue(items, fns, err, last)
		}
		if len(fns) == 1 {
			refused = append(refused, msg) // invalid or stale: dropped with its reason
			continue
		}
		// One change of the batch is refused for itself: save them one by
		// one, so that the valid ones are kept.
		for i, fn := range fns {
			switch m := saveCmd(a.d, a.id, fn)().(type) {
			case savedMsg:
				last = &m
			case errMsg:
				if saveRetryable(m.err) {
					return a.requeue(items[i:], fns[i:], m.err, last)
				}
				refused = append(refused, m)
			}
		}
	}
}

// report is the result of a run: the last saved session and every refusal.
func (a *autosaver) report(last *savedMsg, refused []tea.Msg) tea.Msg {
	if len(refused) == 0 {
		if last == nil {
			return nil
		}
		return *last
	}
	var cmds tea.BatchMsg
	if last != nil {
		saved := *last
		cmds = append(cmds, func() tea.Msg { return saved })
	}
	for _, m := range refused {
		cmds = append(cmds, func() tea.Msg { return m })
	}
	return cmds
}

// requeue puts the changes of a failed batch back in front of those queued
// meanwhile (a newer change to the same item wins) and reports the failure.
func (a *autosaver) requeue(items []string, fns []func(*model.Session) error, err error, last *savedMsg) tea.Msg {
	a.d.saves.set(a, err)
	a.mu.Lock()
	defer a.mu.Unlock()
	order := make([]string, 0, len(items)+len(a.order))
	for i, item := range items {
		if _, newer := a.pending[item]; !newer {
			a.pending[item] = fns[i]
			order = append(order, item)
		}
	}
	a.order = append(order, a.order...)
	a.running = false
	a.failures++
	out := saveFailedMsg{saver: a, err: err, pending: len(a.order), retryIn: retryDelay(a.failures)}
	if last != nil {
		out.sess = last.sess
	}
	return out
}

// newer reports whether a loaded session may replace cur: saves of different
// tabs can finish out of order, and an older copy must not undo a newer one.
func newer(loaded, cur *model.Session) bool {
	return loaded != nil && (cur == nil || !loaded.Updated.Before(cur.Updated))
}
