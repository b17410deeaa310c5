package ui

import (
	"errors"
	"sync"

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

	mu       sync.Mutex
	hist     model.History
	queue    []queuedChange
	running  bool
	failures int // consecutive failed saves, for the retry pause
}

// retry stores what a failed save left in the queue.
func (ch *changer) retry() tea.Cmd {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.running || len(ch.queue) == 0 {
		return nil
	}
	ch.running = true
	return ch.run
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
	c, ok := ch.hist.Undo()
	if !ok {
		return statusCmd("Nichts rückgängig zu machen.")
	}
	return ch.enqueue(queuedChange{c: c, kind: changeUndo})
}

// redo makes the last undone change again.
func (ch *changer) redo() tea.Cmd {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	c, ok := ch.hist.Redo()
	if !ok {
		return statusCmd("Nichts zu wiederholen.")
	}
	return ch.enqueue(queuedChange{c: c, kind: changeRedo})
}

// enqueue needs ch.mu.
func (ch *changer) enqueue(q queuedChange) tea.Cmd {
	ch.queue = append(ch.queue, q)
	if ch.running {
		return nil
	}
	ch.running = true
	return ch.run
}

// run stores the queued changes in order and reports the last result.
// A change the disk or file refused stays queued and is retried (see
// saveFailedMsg); one refused for itself (invalid, stale) is dropped: a
// failed undo or redo goes back on its stack, a failed change leaves the
// history (it never happened).
func (ch *changer) run() tea.Msg {
	var last tea.Msg
	for {
		ch.mu.Lock()
		if len(ch.queue) == 0 {
			ch.running = false
			ch.failures = 0
			ch.mu.Unlock()
			ch.d.saves.set(ch, nil)
			return last
		}
		if m, ok := ch.applyBurst(); ok { // claims.go: a burst of key presses in one transaction
			if f, failed := m.(saveFailedMsg); failed {
				if saved, ok := last.(savedMsg); ok {
					f.sess = saved.sess
				}
				return f
			}
			last = m
			continue
		}
		q := ch.queue[0]
		ch.queue = ch.queue[1:]
		ch.mu.Unlock()

		sess, err := ch.apply(q) // claims.go: a municipality's change only while this connection holds it
		if m, stale := ch.stale(q, err); stale {
			if _, ok := m.(conflictMsg); ok {
				ch.mu.Lock()
				ch.hist.Drop(q.c)
				ch.mu.Unlock()
			}
			last = m
			continue
		}
		if err != nil && saveRetryable(err) {
			// The disk or file failed, not the change: it stays first in
			// the queue and is tried again (autosave.go).
			ch.d.saves.set(ch, err)
			ch.mu.Lock()
			ch.queue = append([]queuedChange{q}, ch.queue...)
			ch.running = false
			ch.failures++
			out := saveFailedMsg{saver: ch, err: err, pending: len(ch.queue), retryIn: retryDelay(ch.failures)}
			ch.mu.Unlock()
			if m, ok := last.(savedMsg); ok {
				out.sess = m.sess
			}
			return out
		}
		if err != nil {
			ch.mu.Lock()
			switch q.kind {
			case changeUndo:
				ch.hist.FailedUndo()
			case changeRedo:
				ch.hist.FailedRedo()
			default:
				ch.hist.Drop(q.c)
			}
			ch.mu.Unlock()
			last = errMsg{changeError(q, err)}
			continue
		}
		last = savedMsg{sess: sess, at: ch.d.now(), what: changeStatus(q)}
	}
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

func changeError(q queuedChange, err error) error {
	var conflict *model.StaleChangeError
	switch {
	// the reason first: at 80 columns a long step name would cut it off
	case errors.As(err, &conflict) && q.kind == changeUndo:
		return errors.New("Nicht rückgängig gemacht, inzwischen anders geändert: " + q.c.Name)
	case errors.As(err, &conflict):
		return errors.New("Nicht wiederhergestellt, inzwischen anders geändert: " + q.c.Name)
	}
	return err
}

// statusMsg shows a note in the status line.
type statusMsg struct{ text string }

func statusCmd(text string) tea.Cmd { return func() tea.Msg { return statusMsg{text} } }
