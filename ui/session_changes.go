package ui

import (
	"errors"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// changer applies the changes of one open session in order, one store
// transaction each (store.Apply), and keeps the undo history that z and Z
// walk. Every tab of a session screen shares it, so z takes back the last
// change whichever tab made it.
type changer struct {
	d  tabDeps
	id string

	writeQueue // runs the saves (write_queue.go); its mu guards hist and queue
	hist       model.History
	queue      []queuedChange
}

// retry stores what a failed save left in the queue.
func (ch *changer) retry() tea.Cmd {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if len(ch.queue) == 0 {
		return nil
	}
	return startQueue[*changeBatch](&ch.writeQueue, ch)
}

// unsaved is the number of changes not yet stored.
func (ch *changer) unsaved() int {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	return len(ch.queue)
}

// busy reports whether changes are queued or being stored.
func (ch *changer) busy() bool {
	if ch == nil {
		return false
	}
	ch.mu.Lock()
	defer ch.mu.Unlock()
	return ch.running || len(ch.queue) > 0
}

type changeKind int

const (
	changeDo changeKind = iota
	changeUndo
	changeRedo
)

type queuedChange struct {
	c    model.Change
	kind changeKind
	step model.Step // the history step an undo or redo walks
}

func newChanger(d tabDeps, id string) *changer { return &changer{d: d, id: id} }

// do records c in the history and returns the command that stores it (nil
// when a run is under way: it picks c up). An empty change does nothing.
func (ch *changer) do(c model.Change) tea.Cmd {
	if ch == nil || c.Empty() {
		return nil
	}
	ch.mu.Lock()
	defer ch.mu.Unlock()
	ch.hist.Push(c)
	// Stored only over the value it was made on: two connections editing
	// the same slot must not overwrite each other unseen (conflict.go).
	stored := c
	stored.Strict = !c.Final
	return ch.enqueue(queuedChange{c: stored, kind: changeDo})
}

// undo takes back the last change; msg says so when there is none.
func (ch *changer) undo() tea.Cmd {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	st, ok := ch.hist.UndoStep()
	if !ok {
		return statusCmd("Nichts rückgängig zu machen.")
	}
	return ch.enqueue(queuedChange{c: st.Change.Inverse(), kind: changeUndo, step: st})
}

// redo makes the last undone change again.
func (ch *changer) redo() tea.Cmd {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	st, ok := ch.hist.RedoStep()
	if !ok {
		return statusCmd("Nichts zu wiederholen.")
	}
	return ch.enqueue(queuedChange{c: st.Change.Redo(), kind: changeRedo, step: st})
}

// enqueue needs ch.mu.
func (ch *changer) enqueue(q queuedChange) tea.Cmd {
	ch.queue = append(ch.queue, q)
	return startQueue[*changeBatch](&ch.writeQueue, ch)
}

// changeBatch is the work of one run step: one change, or a burst of
// changes queued one after another (key presses faster than the disk, many
// connections at once) that are stored in one transaction (claims.go).
type changeBatch struct{ qs []queuedChange }

// take, write, putBack and finish make changer a queueOwner: the queued
// changes are stored in order. A change the disk or file refused stays
// queued and is retried (see saveFailedMsg); one refused for itself
// (invalid, stale, not claimed, locked) is dropped: it leaves the history,
// a change because it never happened, an undo or redo because it can
// never apply again — left on its stack it would refuse every further z
// and hide the older steps.

func (ch *changer) take() (*changeBatch, bool) {
	if len(ch.queue) == 0 {
		return nil, false
	}
	n := max(ch.burstLen(), 1)
	b := &changeBatch{qs: slices.Clone(ch.queue[:n])}
	ch.queue = ch.queue[n:]
	return b, true
}

// write stores a burst in one transaction; when one of its changes is
// refused, or for a single change, they are stored one by one, each with
// its own outcome. What the disk did not take stays in b for putBack.
func (ch *changer) write(b *changeBatch) ([]tea.Msg, error) {
	if len(b.qs) > 1 {
		sess, err := ch.applyAll(b.qs)
		if err == nil {
			return []tea.Msg{savedMsg{sess: sess, at: ch.d.now(), what: changeStatus(b.qs[len(b.qs)-1])}}, nil
		}
		if saveRetryable(err) {
			ch.d.saves.set(ch, err)
			return nil, err
		}
	}
	var out []tea.Msg
	for i, q := range b.qs {
		m, err := ch.writeOne(q)
		if err != nil {
			b.qs = b.qs[i:]
			return out, err
		}
		out = append(out, m)
	}
	return out, nil
}

// writeOne stores one change; an error means the disk or file failed.
func (ch *changer) writeOne(q queuedChange) (tea.Msg, error) {
	sess, err := ch.apply(q) // claims.go: a municipality's change only while this connection holds it
	if m, stale := ch.stale(q, err); stale {
		if _, ok := m.(conflictMsg); ok {
			ch.mu.Lock()
			ch.hist.Drop(q.c)
			ch.mu.Unlock()
		}
		return m, nil
	}
	if err != nil && saveRetryable(err) {
		// The disk or file failed, not the change: it goes back first in
		// the queue and is tried again (autosave.go).
		ch.d.saves.set(ch, err)
		return nil, err
	}
	if err != nil {
		ch.mu.Lock()
		if q.kind == changeDo {
			ch.hist.Drop(q.c)
		} else {
			ch.hist.Refused(q.step)
		}
		more := ch.hist.CanUndo()
		ch.mu.Unlock()
		return errMsg{changeError(q, err, more)}, nil
	}
	return savedMsg{sess: sess, at: ch.d.now(), what: changeStatus(q)}, nil
}

func (ch *changer) putBack(b *changeBatch) {
	ch.queue = append(slices.Clone(b.qs), ch.queue...)
}

// finish reports the last result, or the failure with what is pending.
func (ch *changer) finish(r runResult) tea.Msg {
	if r.err == nil {
		ch.d.saves.set(ch, nil)
		return r.last
	}
	out := saveFailedMsg{saver: ch, err: r.err, pending: ch.unsaved(), retryIn: retryDelay(r.failures)}
	if m, ok := r.last.(savedMsg); ok {
		out.sess = m.sess
	}
	return out
}

// changeStatus names a stored change for the status line.
func changeStatus(q queuedChange) string {
	switch q.kind {
	case changeUndo:
		return "rückgängig: " + q.c.Name + " (Z stellt wieder her)"
	case changeRedo:
		return "wiederhergestellt: " + q.c.Name
	}
	return q.c.Name + " – gespeichert"
}

// changeError words a change, undo or redo that was refused for itself
// the same way whatever the reason: what did not happen, why, what
// becomes of the step, and its name last (at 80 columns the name is cut,
// not the reason). more: z still has a step before the refused one.
func changeError(q queuedChange, err error, more bool) error {
	var (
		stale   *model.StaleChangeError
		locked  *model.LockedError
		claimed *notClaimedError
		reason  string
	)
	switch {
	case errors.As(err, &stale):
		reason = "inzwischen anders geändert"
	case errors.As(err, &locked):
		reason = "die Moderation hat die Frage gesperrt"
	case errors.As(err, &claimed):
		reason = claimed.Error()
	case q.kind == changeDo:
		return err // invalid input: the field's own message
	default:
		reason = err.Error()
	}
	text := "Nicht gespeichert: " + reason
	switch q.kind {
	case changeUndo:
		text = "Nicht rückgängig gemacht: " + reason + " – der Schritt entfällt"
		if more {
			text += "; z nimmt den davor zurück"
		}
	case changeRedo:
		text = "Nicht wiederhergestellt: " + reason + " – der Schritt entfällt"
	}
	return errors.New(text + " (" + q.c.Name + ").")
}

// statusMsg shows a note in the status line.
type statusMsg struct{ text string }

func statusCmd(text string) tea.Cmd { return func() tea.Msg { return statusMsg{text} } }
