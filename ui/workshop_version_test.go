package ui

import (
	"slices"
	"strings"
	"testing"

	"ikz/model"
)

// Two edits of the same answer: the open editor learns that its answer
// changed underneath, and its next change is refused instead of silently
// overwriting the other (a multi-choice once lost one person's ticks).
func TestWorkshopEditorLearnsChangeUnderneath(t *testing.T) {
	e, tb := workshopEnv(t)
	selectRow(t, tb, rowAsPrefix+"p1")
	tb = e.send(tb, kEnter)
	selectRow(t, tb, rowKeyPrefix+"ziele")
	tb = e.send(tb, kEnter) // the editor: no ticks yet
	if tb.(*workshopTab).form == nil {
		t.Fatal("no editor open")
	}
	// Meanwhile someone else ticks an option for Lemgo.
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		return s.SetParticipantAnswer("p1", "ziele", model.Answer{"servicequalitaet"})
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	if v := plain(tb); !strings.Contains(v, "Inzwischen anders gespeichert") {
		t.Fatalf("the editor does not say that its answer changed:\n%s", v)
	}
	// Enter on a tick here is refused by the version check; the other
	// tick stays, and the editor says why.
	tb = e.send(tb, kDown, kSpace, kEnter)
	if got := e.sess().Participant("p1").Profile["ziele"]; !slices.Equal(got, model.Answer{"servicequalitaet"}) {
		t.Errorf("stored %v, want the other person's tick kept", got)
	}
	if w := tb.(*workshopTab); !strings.Contains(w.err, "inzwischen") {
		t.Errorf("the refusal is not shown: err %q", w.err)
	}
}
