package ui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// Two connections of ikz serve (or the app and accessible mode) may edit
// the same slot - a note, a title, a measure - at once. The session's
// changer stores a change only over the value it was made on (a strict
// change, model.Change.Apply); when the slot holds something else by then,
// the change is not stored, and the user sees that, with their own text,
// and the other version on the screen. Nothing is overwritten unseen.

// conflictMsg reports a change that met a newer value: shown in the status
// line; sess is the stored session the tabs then show.
type conflictMsg struct {
	err  error
	sess *model.Session
}

// stale looks at the result of storing a change: a strict change that met
// another value is either already stored (a retry whose first attempt
// reached the file before its fsync failed: savedMsg) or a conflict
// (conflictMsg). ok is false for any other result.
func (ch *changer) stale(q queuedChange, err error) (tea.Msg, bool) {
	var conflict *model.StaleChangeError
	if q.kind != changeDo || !errors.As(err, &conflict) {
		return nil, false
	}
	cur, gerr := ch.d.store.Get(ch.id)
	if gerr != nil {
		return errMsg{gerr}, true
	}
	probe, gerr := ch.d.store.Get(ch.id)
	if gerr == nil && q.c.Inverse().Apply(probe) == nil {
		return savedMsg{sess: cur, at: ch.d.now(), what: changeStatus(q)}, true // every slot holds our value already
	}
	return conflictMsg{err: conflictError(q.c), sess: cur}, true
}

// conflictError says what was not stored and gives the user's text back.
func conflictError(c model.Change) error {
	// The user's text first: the status line is one line.
	if t := yourText(c); t != "" {
		return fmt.Errorf("Nicht gespeichert, inzwischen anders geändert – Ihre Fassung: „%s“ (%s; angezeigt wird die andere)", t, c.Name)
	}
	return fmt.Errorf("Nicht gespeichert: %s wurde inzwischen anders geändert; angezeigt wird diese Fassung", c.Name)
}

// yourText is the text a change would have written, shortened for the
// status line.
func yourText(c model.Change) string {
	for _, e := range c.Edits {
		for _, t := range []string{e.After.Text, e.After.Quick.Note, e.After.Measure.Title} {
			if t = model.SafeLine(t); t != "" {
				if r := []rune(t); len(r) > 200 {
					t = string(r[:199]) + "…"
				}
				return t
			}
		}
	}
	return ""
}
