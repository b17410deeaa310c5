package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// Facilitation in the Workshop tab: blind answering (participants see
// neither the others' answers nor the joint one until the facilitator
// reveals a question), a lock per question, the question the room is on
// (participants' screens follow it if they choose; the facilitator can
// let the room follow the cursor), and the reasons for joint answers.

// itemKey is the profile key or quick item ID of a list row ("" none).
func itemKey(rowID string) string {
	if k, ok := strings.CutPrefix(rowID, rowKeyPrefix); ok {
		return k
	}
	if k, ok := strings.CutPrefix(rowID, rowQuickPrefix); ok {
		return k
	}
	return ""
}

// rowOf is the list row of an item key.
func rowOf(key string) string {
	if _, ok := model.ProfileQuestionByKey(key); ok {
		return rowKeyPrefix + key
	}
	return rowQuickPrefix + key
}

// hidden reports whether this screen must not show the others' answers
// to key: a participant in blind mode before the reveal.
func (t *workshopTab) hidden(key string) bool {
	return t.d.participant && t.sess.Hidden(key)
}

// facilitate applies the room's current question: shown at once, saved
// through the autosaver. It is not a model.Change and z does not take it
// back: it points the room at a question and changes no data, and in lead
// mode it follows every cursor step (see workshop_changes.go).
func (t *workshopTab) facilitate(item, info string, fn func(*model.Session) error) tea.Cmd {
	t.own()
	if err := fn(t.sess); err != nil {
		t.err = err.Error()
		return nil
	}
	t.info = info
	t.refresh()
	return t.saver.queue(item, fn)
}

func (t *workshopTab) toggleBlind() tea.Cmd {
	on := t.sess.Workshop == nil || !t.sess.Workshop.Blind
	info := "Verdeckt: Teilnehmende sehen fremde und gemeinsame Antworten erst, wenn Sie eine Frage mit v aufdecken."
	if !on {
		info = "Offen: alle sehen alle Antworten."
	}
	return t.commit(model.SetBlindChange(t.sess, on), info)
}

func (t *workshopTab) toggleReveal(key string) tea.Cmd {
	on := t.sess.Hidden(key)
	info := "Aufgedeckt: alle sehen jetzt die Antworten zu dieser Frage. (z verdeckt sie wieder – gesehen ist gesehen.)"
	if !on {
		info = "Wieder verdeckt."
	}
	return t.commit(model.RevealChange(t.sess, key, on), info)
}

func (t *workshopTab) toggleLock(key string) tea.Cmd {
	on := !t.sess.Locked(key)
	info := "Gesperrt: zu dieser Frage nimmt der Workshop keine Antworten mehr an."
	if !on {
		info = "Entsperrt: Antworten sind wieder möglich."
	}
	return t.commit(model.LockChange(t.sess, key, on), info)
}

// setCurrent makes key the question the room is on.
func (t *workshopTab) setCurrent(key, info string) tea.Cmd {
	if key == t.sess.Current() {
		return nil
	}
	return t.facilitate("current", info, func(s *model.Session) error { return s.SetCurrent(key) })
}

// leadMoved lets the room follow the facilitator's cursor in lead mode.
func (t *workshopTab) leadMoved() tea.Cmd {
	if !t.lead || t.d.participant {
		return nil
	}
	row, _ := t.list.selected()
	if k := itemKey(row.id); k != "" {
		info := t.info
		cmd := t.setCurrent(k, "")
		t.info = info
		return cmd
	}
	return nil
}

// followCurrent moves a following participant to the room's question when
// it changed (never while an editor is open: typing is not interrupted).
func (t *workshopTab) followCurrent() {
	cur := t.sess.Current()
	if cur == t.seenCurrent {
		return
	}
	t.seenCurrent = cur
	if t.follow && cur != "" && t.form == nil && t.confirm == nil {
		t.list.selectID(rowOf(cur))
	}
}
