package ui

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// Every edit of the Workshop tab — an answer, a rating, a comment, a
// reason, a municipality added, renamed, merged, removed or marked absent,
// blind mode, a reveal, a lock — is a model.Change handed to the session's
// changer like the edits of the other tabs: one transaction each, z takes
// it back and Z makes it again, each named in the status line. The
// history is this connection's own: on a workshop server z never takes
// back what another connection did, and an undo meets the same checks as
// the change (the slot still holds what it left there; the municipality is
// still this connection's, see changer.apply).

// commit shows c at once and hands it to the session's changer; info is
// shown in the pane. The change must fit what this screen shows (a strict
// check against t.sess): an editor whose answer changed underneath stores
// nothing.
func (t *workshopTab) commit(c model.Change, info string) tea.Cmd {
	if c.Empty() {
		return nil
	}
	if c.As != "" && !t.claimed(c.As) {
		t.err = errNotClaimed.Error()
		return nil
	}
	t.own()
	local := c
	local.Strict = true
	if err := local.Apply(t.sess); err != nil {
		t.err = refusedText(err)
		return nil
	}
	t.info, t.infoOf = info, &c
	t.sent = append(t.sent, c)
	t.refresh()
	return t.d.changes.do(c)
}

// refusedText says why a change was not made.
func refusedText(err error) string {
	var stale *model.StaleChangeError
	if errors.As(err, &stale) {
		return "Nicht gespeichert: " + stale.Error() + " – bitte prüfen und erneut wählen."
	}
	return err.Error()
}

// reconcile keeps this screen's own changes that the changer has not
// stored yet on a re-read session (another connection's save can come
// first): without it, a quick second key press would be built on the
// older value and refused. A change the store already has, or whose slot
// someone else changed, is dropped (the changer reports the latter).
func (t *workshopTab) reconcile() {
	if len(t.sent) == 0 {
		return
	}
	if !t.d.changes.busy() {
		t.sent = nil
		return
	}
	t.own()
	kept := t.sent[:0]
	for _, c := range t.sent {
		if c.Inverse().Apply(cloneWorkshop(t.sess)) == nil {
			continue // stored: every slot holds what c left there
		}
		strict := c
		strict.Strict = true
		if strict.Apply(t.sess) == nil {
			kept = append(kept, c)
		}
	}
	t.sent = kept
}

// askClear asks before an answer or rating is cleared (Entf): clearing is
// its own action, as in every tab.
func (t *workshopTab) askClear(rowID string) {
	label := ""
	if k, ok := strings.CutPrefix(rowID, rowKeyPrefix); ok {
		if q, ok := model.ProfileQuestionByKey(k); ok {
			label = q.Label
		}
	} else if id, ok := strings.CutPrefix(rowID, rowQuickPrefix); ok {
		if it, _, ok := model.QuickItemByID(id); ok {
			label = it.Text
		}
	}
	t.confirm = &confirmation{
		text: "Antwort auf „" + label + "“ für " + t.asName() + " löschen? (z holt sie zurück)",
		yes: func() tea.Cmd {
			if k, ok := strings.CutPrefix(rowID, rowKeyPrefix); ok {
				return t.saveAnswer(k, nil)
			}
			return t.saveQuick(strings.TrimPrefix(rowID, rowQuickPrefix), "")
		},
	}
}

// staleInfo drops the pane's note about the last change once that change
// is no longer in effect (z took it back, or someone else changed it):
// "… entfernt" must not stand next to the municipality that is back.
func (t *workshopTab) staleInfo() {
	if t.infoOf == nil {
		return
	}
	if t.info == "" || t.infoOf.Inverse().Apply(cloneWorkshop(t.sess)) != nil {
		t.info, t.infoOf = "", nil
	}
}
