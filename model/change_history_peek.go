package model

// Last is the change Undo would take back (not its inverse), for naming it
// before the user chooses.
func (h *History) Last() (Change, bool) {
	if len(h.done) == 0 {
		return Change{}, false
	}
	return h.done[len(h.done)-1].Change, true
}

// NextRedo is the change Redo would make again.
func (h *History) NextRedo() (Change, bool) {
	if len(h.undone) == 0 {
		return Change{}, false
	}
	return h.undone[len(h.undone)-1].Change, true
}
