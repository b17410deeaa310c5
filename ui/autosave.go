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

	writeQueue // runs the saves (write_queue.go); its mu guards order and pending
	order      []string
	pending    map[string]func(*model.Session) error
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
	return startQueue[*saveBatch](&a.writeQueue, a)
}

// retry returns the command that saves what is still pending, or nil when
// nothing is (or a save is running and will take it).
func (a *autosaver) retry() tea.Cmd {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.order) == 0 {
		return nil
	}
	return startQueue[*saveBatch](&a.writeQueue, a)
}

// unsaved is the number of changes not yet committed.
func (a *autosaver) unsaved() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.order)
}

// saveBatch is the work of one save: every change pending when it
// started, in order.
type saveBatch struct {
	items []string
	fns   []func(*model.Session) error
}

// take, write, putBack and finish make autosaver a queueOwner.

func (a *autosaver) take() (*saveBatch, bool) {
	if len(a.order) == 0 {
		return nil, false
	}
	b := &saveBatch{items: append([]string(nil), a.order...)}
	b.fns = make([]func(*model.Session) error, len(b.items))
	for i, item := range b.items {
		b.fns[i] = a.pending[item]
	}
	a.order = a.order[:0]
	clear(a.pending)
	return b, true
}

// write saves the batch in one transaction. When one change of it is
// refused for itself, the changes are saved one by one, so that the valid
// ones are kept; when the disk or file fails, what is not saved stays in b
// for putBack.
func (a *autosaver) write(b *saveBatch) ([]tea.Msg, error) {
	msg := saveCmd(a.d, a.id, func(s *model.Session) error {
		for _, fn := range b.fns {
			if err := fn(s); err != nil {
				return err
			}
		}
		return nil
	})()
	if _, ok := msg.(savedMsg); ok {
		return []tea.Msg{msg}, nil
	}
	err := msg.(errMsg).err // saveCmd gives savedMsg or errMsg
	if saveRetryable(err) {
		a.d.saves.set(a, err)
		return nil, err
	}
	if len(b.fns) == 1 {
		return []tea.Msg{msg}, nil // invalid or stale: dropped with its reason
	}
	var out []tea.Msg
	for i, fn := range b.fns {
		m := saveCmd(a.d, a.id, fn)()
		if e, ok := m.(errMsg); ok && saveRetryable(e.err) {
			b.items, b.fns = b.items[i:], b.fns[i:]
			a.d.saves.set(a, e.err)
			return out, e.err
		}
		out = append(out, m)
	}
	return out, nil
}

// putBack puts the changes of a failed batch back in front of those queued
// meanwhile (a newer change to the same item wins).
func (a *autosaver) putBack(b *saveBatch) {
	order := make([]string, 0, len(b.items)+len(a.order))
	for i, item := range b.items {
		if _, newer := a.pending[item]; !newer {
			a.pending[item] = b.fns[i]
			order = append(order, item)
		}
	}
	a.order = append(order, a.order...)
}

// finish is the result of a run: the last saved session and every
// refusal, or the failure with what is still pending.
func (a *autosaver) finish(r runResult) tea.Msg {
	if r.err != nil {
		out := saveFailedMsg{saver: a, err: r.err, pending: a.unsaved(), retryIn: retryDelay(r.failures)}
		if r.saved != nil {
			out.sess = r.saved.sess
		}
		return out
	}
	a.d.saves.set(a, nil)
	if len(r.refused) == 0 {
		if r.saved == nil {
			return nil
		}
		return *r.saved
	}
	var cmds tea.BatchMsg
	if r.saved != nil {
		saved := *r.saved
		cmds = append(cmds, func() tea.Msg { return saved })
	}
	for _, m := range r.refused {
		cmds = append(cmds, func() tea.Msg { return m })
	}
	return cmds
}

// newer reports whether a loaded session may replace cur: saves of different
// tabs can finish out of order, and an older copy must not undo a newer one.
func newer(loaded, cur *model.Session) bool {
	return loaded != nil && (cur == nil || !loaded.Updated.Before(cur.Updated))
}
