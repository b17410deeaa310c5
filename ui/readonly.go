package ui

// readOnlyViewer is implemented by a tab that can show a view where
// nothing can be edited: the review comparison, the explanation of a
// ranking, the full cost table. While ReadOnly is true the status line
// does not promise "enter speichert · esc bricht ab" (there is nothing
// to save or cancel) but says that the view only reads.
type readOnlyViewer interface {
	ReadOnly() bool
}

// readOnlyHint is the idle status line of a read-only view.
const readOnlyHint = "Nur zum Lesen – hier ändert sich nichts."

// readOnly reports whether t shows a read-only view right now.
func readOnly(t tab) bool {
	r, ok := t.(readOnlyViewer)
	return ok && r.ReadOnly()
}

// ReadOnly: the whole comparison only reads (R starts a review from the list).
func (t *reviewTab) ReadOnly() bool { return t.full && t.form == nil && !t.askDiscard }

// ReadOnly: the pane with the explanation of a model has the keyboard.
func (t *recommendTab) ReadOnly() bool { return t.detailFocus && t.form == nil && !t.askVoid }

// ReadOnly: the full table of every partner's figures.
func (t *costsTab) ReadOnly() bool { return t.table && !t.ed.editing() }

// ReadOnly asks the page that is shown.
func (t *economyTab) ReadOnly() bool { return readOnly(t.active()) }
