package ui

import (
	"errors"
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
	// A tick here is refused by the version check; the other tick stays.
	w := tb.(*workshopTab)
	fn := w.guard("p1", func(s *model.Session) error {
		return s.SetParticipantAnswerIf("p1", "ziele", w.known, model.Answer{"wirtschaftlichkeit"})
	})
	if _, err := e.st.Update(e.id, fn); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("save over a changed answer: %v, want a conflict", err)
	}
	if got := e.sess().Participant("p1").Profile["ziele"]; !slices.Equal(got, model.Answer{"servicequalitaet"}) {
		t.Errorf("stored %v, want the other person's tick kept", got)
	}
}
