package model

// History is the undo and redo stack of one open session: z takes back the
// last change, Z makes it again. Final changes are not kept.
//
// A step whose undo or redo is refused for itself (someone else changed
// the slot meanwhile, the question is locked, the municipality is answered
// by another connection) is dropped with Refused: left on top it would
// refuse every further z and hide the older steps for good. A step that
// failed on the disk stays queued and is retried; FailedUndo and
// FailedRedo put back one that is to be tried again later.
type History struct {
	done, undone []Step
	seq          uint64
	// Limit is the number of changes kept (0: DefaultHistory).
	Limit int
}

// A Step is one change in the history; its ID tells it apart from an equal
// change made again.
type Step struct {
	ID     uint64
	Change Change // as made (not its inverse)
}

// DefaultHistory is how many changes z can take back in one run.
const DefaultHistory = 100

// Push records a change that was just made; it clears what could be redone.
func (h *History) Push(c Change) {
	if c.Final || c.Empty() {
		return
	}
	limit := h.Limit
	if limit <= 0 {
		limit = DefaultHistory
	}
	h.seq++
	h.done = append(h.done, Step{ID: h.seq, Change: c})
	if len(h.done) > limit {
		h.done = append(h.done[:0:0], h.done[len(h.done)-limit:]...)
	}
	h.undone = nil
}

// Undo pops the last change and returns its inverse to apply; ok is false
// when there is nothing to undo. If applying fails, call FailedUndo (to
// try again) or Refused (the step can never apply).
func (h *History) Undo() (inverse Change, ok bool) {
	s, ok := h.UndoStep()
	return s.Change.Inverse(), ok
}

// UndoStep is Undo returning the step taken back, for Refused.
func (h *History) UndoStep() (Step, bool) {
	if len(h.done) == 0 {
		return Step{}, false
	}
	s := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, s)
	return s, true
}

// Redo pops the last undone change and returns it to apply again.
func (h *History) Redo() (Change, bool) {
	s, ok := h.RedoStep()
	return s.Change.Redo(), ok
}

// RedoStep is Redo returning the step made again, for Refused.
func (h *History) RedoStep() (Step, bool) {
	if len(h.undone) == 0 {
		return Step{}, false
	}
	s := h.undone[len(h.undone)-1]
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, s)
	return s, true
}

// FailedUndo puts back the last undone change: its undo could not be
// applied now and may be tried again.
func (h *History) FailedUndo() {
	if n := len(h.undone); n > 0 {
		h.done = append(h.done, h.undone[n-1])
		h.undone = h.undone[:n-1]
	}
}

// FailedRedo puts back the last redone change to be redone later.
func (h *History) FailedRedo() {
	if n := len(h.done); n > 0 {
		h.undone = append(h.undone, h.done[n-1])
		h.done = h.done[:n-1]
	}
}

// Refused drops step s, whose undo or redo was refused because it no
// longer applies: the next z reaches the step before it.
func (h *History) Refused(s Step) {
	h.done = dropStep(h.done, s.ID)
	h.undone = dropStep(h.undone, s.ID)
}

// RefusedUndo and RefusedRedo drop the step just taken back or made
// again, for a caller that applies it at once (accessible mode).
func (h *History) RefusedUndo() {
	if n := len(h.undone); n > 0 {
		h.Refused(h.undone[n-1])
	}
}

func (h *History) RefusedRedo() {
	if n := len(h.done); n > 0 {
		h.Refused(h.done[n-1])
	}
}

func dropStep(steps []Step, id uint64) []Step {
	for i := len(steps) - 1; i >= 0; i-- {
		if steps[i].ID == id {
			return append(steps[:i:i], steps[i+1:]...)
		}
	}
	return steps
}

// CanUndo and CanRedo report whether z and Z have something to do.
func (h *History) CanUndo() bool { return len(h.done) > 0 }
func (h *History) CanRedo() bool { return len(h.undone) > 0 }

// Drop removes c from the history after it failed to apply.
func (h *History) Drop(c Change) {
	for i := len(h.done) - 1; i >= 0; i-- {
		if h.done[i].Change.Name == c.Name && len(h.done[i].Change.Edits) == len(c.Edits) {
			h.done = append(h.done[:i:i], h.done[i+1:]...)
			return
		}
	}
}
