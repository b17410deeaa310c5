package ui

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// writeQueue runs the background writes of the program's three queues –
// the changes of a session (session_changes.go), a tab's autosaves
// (autosave.go) and a form's draft (session_drafts.go) – in one way: at
// most one run is in flight, work queued meanwhile is taken by the same
// run, and a run ends when nothing is left or when a write failed in a way
// worth trying again (its work goes back to the front of the queue). An
// owner embeds it and keeps its queue under its mu.
type writeQueue struct {
	mu       sync.Mutex
	running  bool
	failures int // consecutive runs ended by a failure, for the retry pause
}

// queueOwner is what a queue does with its kind of work W.
type queueOwner[W any] interface {
	// take removes the next work from the queue (mu held); false: none left.
	take() (W, bool)
	// write stores w (mu not held) and returns what to report. An error
	// means the disk or file failed: w goes back (putBack) and the run
	// ends; write records the failure before it returns (saveTracker), so
	// that no later run can clear it first.
	write(w W) ([]tea.Msg, error)
	// putBack returns the work of a failed write to the queue (mu held).
	putBack(w W)
	// finish gives the message of a run (mu not held).
	finish(r runResult) tea.Msg
}

// runResult is what one run of writes produced.
type runResult struct {
	last     tea.Msg   // the message of the last write
	saved    *savedMsg // the last session stored, if any
	refused  []tea.Msg // errMsg of work refused for itself (invalid, stale)
	err      error     // the failure that ended the run; nil: the queue is empty
	failures int       // consecutive failures, err included
}

// startQueue returns the command that runs o's queue, or nil when a run is
// under way (it takes what was just queued). Call it with q.mu held.
func startQueue[W any](q *writeQueue, o queueOwner[W]) tea.Cmd {
	if q.running {
		return nil
	}
	q.running = true
	return func() tea.Msg { return runQueue(q, o) }
}

// runQueue writes until nothing is left or a write failed.
func runQueue[W any](q *writeQueue, o queueOwner[W]) tea.Msg {
	var r runResult
	for {
		q.mu.Lock()
		w, ok := o.take()
		if !ok {
			q.running, q.failures = false, 0
			q.mu.Unlock()
			return o.finish(r)
		}
		q.mu.Unlock()

		msgs, err := o.write(w)
		for _, m := range msgs {
			r.last = m
			switch m := m.(type) {
			case savedMsg:
				r.saved = &m
			case errMsg:
				r.refused = append(r.refused, m)
			}
		}
		if err != nil {
			q.mu.Lock()
			o.putBack(w)
			q.running = false
			q.failures++
			r.err, r.failures = err, q.failures
			q.mu.Unlock()
			return o.finish(r)
		}
	}
}

// idle reports whether no run is under way.
func (q *writeQueue) idle() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return !q.running
}
