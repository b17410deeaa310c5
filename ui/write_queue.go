package ui

import (
	"sync"
	"time"

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
	claimed  bool // a goroutine runs the queue (running alone: its command may not have started yet)
	failures int  // consecutive runs ended by a failure, for the retry pause
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
	live.add(q, func() { drainQueue(q, o) })
	return func() tea.Msg {
		if !q.claim() {
			return nil // drained on the way out already
		}
		return runQueue(q, o)
	}
}

// claim marks q as run by the caller; false when another goroutine runs it.
func (q *writeQueue) claim() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.claimed {
		return false
	}
	q.claimed = true
	return true
}

// runQueue writes until nothing is left or a write failed.
func runQueue[W any](q *writeQueue, o queueOwner[W]) tea.Msg {
	var r runResult
	for {
		q.mu.Lock()
		w, ok := o.take()
		if !ok {
			q.running, q.claimed, q.failures = false, false, 0
			live.remove(q) // under q.mu: a new start cannot slip in between
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
			q.running, q.claimed = false, false
			live.remove(q)
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

// live are the queues with work under way: started, and not yet finished.
// On the way out the program waits for them (drainQueues), so that the
// last keystroke before ctrl+c or q – a draft write whose command had not
// even started – is in the file too.
var live = liveQueues{m: map[*writeQueue]func(){}}

type liveQueues struct {
	mu sync.Mutex
	m  map[*writeQueue]func()
}

func (l *liveQueues) add(q *writeQueue, drain func()) {
	l.mu.Lock()
	l.m[q] = drain
	l.mu.Unlock()
}

func (l *liveQueues) remove(q *writeQueue) {
	l.mu.Lock()
	delete(l.m, q)
	l.mu.Unlock()
}

// drainQueue runs q's queue here if its command never started, or waits
// (up to the deadline) for the run under way.
func drainQueue[W any](q *writeQueue, o queueOwner[W]) {
	if q.claim() {
		runQueue(q, o)
		return
	}
	deadline := time.Now().Add(drainWait)
	for !q.idle() && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
}

// drainWait bounds the wait for one write under way when the program ends
// (a write to a failing disk gives up long before).
const drainWait = 3 * time.Second

// drainQueues writes what every live queue still holds; called once the
// program has ended (run.go), and only where it is the process's one
// program: a queue it runs here never reports to its program. Queues that failed stay with the
// saveTracker, which names what is still not saved.
func drainQueues() {
	live.mu.Lock()
	drains := make([]func(), 0, len(live.m))
	for _, d := range live.m {
		drains = append(drains, d)
	}
	live.mu.Unlock()
	for _, d := range drains {
		d()
	}
}
