package model

// History is the undo and redo stack of one open session: z takes back the
// last change, Z makes it again. Final changes are not kept.
type History struct {
	done, undone []Change
	// Limit is the number of changes kept (0: DefaultHistory).
	Limit int
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
	h.done = append(h.done, c)
	if len(h.done) > limit {
		h.done = append(h.done[:0:0], h.done[len(h.done)-limit:]...)
	}
	h.undone = nil
}

// Undo pops the last change and returns its inverse to apply; ok is false
// when there is nothing to undo. If applying fails, call Restore.
func (h *History) Undo() (inverse Change, ok bool) {
	if len(h.done) == 0 {
		return Change{}, false
	}
	c := h.done[len(h.done)-1]
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, c)
	return c.Inverse(), true
}

// Redo pops the last undone change and returns it to apply again.
func (h *History) Redo() (Change, bool) {
	if len(h.undone) == 0 {
		return Change{}, false
	}
	c := h.undone[len(h.undone)-1]
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, c)
	return c.Redo(), true
}

// FailedUndo puts back a change whose undo could not be applied.
func (h *History) FailedUndo() {
	if n := len(h.undone); n > 0 {
		h.done = append(h.done, h.undone[n-1])
		h.undone = h.undone[:n-1]
	}
}

// FailedRedo puts back a change whose redo could not be applied.
func (h *History) FailedRedo() {
	if n := len(h.done); n > 0 {
		h.undone = append(h.undone, h.done[n-1])
		h.done = h.done[:n-1]
	}
}

// CanUndo and CanRedo report whether z and Z have something to do.
func (h *History) CanUndo() bool { return len(h.done) > 0 }
func (h *History) CanRedo() bool { return len(h.undone) > 0 }

// Drop removes c from the history after it failed to apply.
func (h *History) Drop(c Change) {
	for i := len(h.done) - 1; i >= 0; i-- {
		if h.done[i].Name == c.Name && len(h.done[i].Edits) == len(c.Edits) {
			h.done = append(h.done[:i], h.done[i+1:]...)
			return
		}
	}
}
