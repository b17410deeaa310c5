package ui

import (
	"errors"
	"strings"

	"ikz/model"
	"ikz/wizard"
)

// The accessible mode stores every answer as one model.Change through
// store.Apply, like the tabs (session_changes.go), and keeps the same undo
// history: the session menu's undo entry takes back the last changes of
// this run, one at a time, and makes them again.

// apply stores c, records it for undo and returns the session as stored.
// Like the tabs, a change is stored only over the value it was made on:
// when someone else changed the slot meanwhile (a workshop connection),
// it says so, keeps the other answer and returns the session as it is now
// (saved false).
func (a *accessible) apply(sess *model.Session, c model.Change) (_ *model.Session, saved bool, err error) {
	if c.Empty() {
		return sess, true, nil
	}
	if a.histID != sess.ID {
		a.hist, a.histID = model.History{}, sess.ID
	}
	stored := c
	stored.Strict = !c.Final
	out, err := a.st.Apply(sess.ID, stored)
	if stale := (*model.StaleChangeError)(nil); errors.As(err, &stale) {
		a.say("Nicht gespeichert: %v.", err)
		fresh, gerr := a.st.Get(sess.ID)
		if gerr != nil {
			return sess, false, gerr
		}
		return fresh, false, nil
	}
	if err != nil {
		return sess, false, err
	}
	a.hist.Push(c)
	return out, true, nil
}

// history is the undo history of sess (empty when it belongs to another
// session).
func (a *accessible) history(sess *model.Session) *model.History {
	if a.histID != sess.ID {
		a.hist, a.histID = model.History{}, sess.ID
	}
	return &a.hist
}

// undoLabel names the session menu's undo entry. The entry is always there
// so that the numbers of the entries after it never move.
func (a *accessible) undoLabel(sess *model.Session) string {
	h := a.history(sess)
	if c, ok := h.Last(); ok {
		return "Rückgängig machen (zuletzt: " + c.Name + ")"
	}
	if h.CanRedo() {
		return "Rückgängig machen (Zurückgenommenes wiederherstellen)"
	}
	return "Rückgängig machen (in diesem Durchgang noch nichts geändert)"
}

// undoMenu offers undo and redo of this run's changes until the user goes
// back.
func (a *accessible) undoMenu(sess *model.Session) (*model.Session, error) {
	for {
		h := a.history(sess)
		var labels []string
		var acts []func() (model.Change, bool)
		if c, ok := h.Last(); ok {
			labels = append(labels, "Rückgängig: "+c.Name+changeValue(c.Inverse()))
			acts = append(acts, h.Undo)
		}
		if c, ok := h.NextRedo(); ok {
			labels = append(labels, "Wiederherstellen: "+c.Name+changeValue(c))
			acts = append(acts, h.Redo)
		}
		if len(labels) == 0 {
			a.say("In diesem Durchgang gibt es noch nichts rückgängig zu machen. Festgehaltene Entscheidungen und Reviews bleiben ohnehin stehen.")
			a.say("")
			return sess, nil
		}
		labels = append(labels, choiceBack)
		i, err := a.choose("Was möchten Sie zurücknehmen?", labels)
		if err != nil || i == len(labels)-1 {
			return sess, err
		}
		undo := labels[i][0] == 'R'
		c, _ := acts[i]()
		out, err := a.st.Apply(sess.ID, c)
		var stale *model.StaleChangeError
		var locked *model.LockedError
		switch {
		case errors.As(err, &stale) || errors.As(err, &locked):
			// it can never apply: dropped, so that the step before it is reachable
			if undo {
				h.RefusedUndo()
			} else {
				h.RefusedRedo()
			}
			kind := changeRedo
			if undo {
				kind = changeUndo
			}
			a.say("%v", changeError(queuedChange{c: c, kind: kind}, err, false)) // the tabs' words
			if out, err = a.st.Get(sess.ID); err != nil {
				return sess, err
			}
		case err != nil:
			if undo {
				h.FailedUndo()
			} else {
				h.FailedRedo()
			}
			return sess, err
		case undo:
			a.say("Rückgängig gemacht: %s.", c.Name)
		default:
			a.say("Wiederhergestellt: %s.", c.Name)
		}
		a.say("")
		sess = out
	}
}

// changeValue says what c leaves in a note, quick-check or answer slot, so
// that an undo or redo choice names the value it brings back
// (" – danach: Status in Arbeit, Notiz „…“"); "" for other changes.
func changeValue(c model.Change) string {
	if len(c.Edits) != 1 {
		return ""
	}
	e := c.Edits[0]
	v := e.After
	var what string
	switch e.Field {
	case model.FieldNote:
		what = "keine Notiz"
		if v.Set && v.Text != "" {
			what = "Notiz " + quoteShort(v.Text)
		}
	case model.FieldQuick:
		what = "Status " + wizard.StatusLabel(v.Quick.Status) + ", keine Notiz"
		if v.Quick.Note != "" {
			what = "Status " + wizard.StatusLabel(v.Quick.Status) + ", Notiz " + quoteShort(v.Quick.Note)
		}
	case model.FieldAnswer:
		what = "keine Angabe"
		if q, ok := model.ProfileQuestionByKey(e.Key); ok && v.Set && len(v.Answer) > 0 {
			what = q.AnswerText(v.Answer)
		}
	default:
		return ""
	}
	return " – danach: " + what
}

// quoteShort quotes the start of a stored text on one line.
func quoteShort(s string) string {
	s = strings.Join(noteLines(s), " / ")
	if r := []rune(s); len(r) > 60 {
		s = strings.TrimSpace(string(r[:59])) + "…"
	}
	return "„" + s + "“"
}
