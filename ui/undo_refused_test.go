package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// An undo that no longer applies must not block the stack: two quick-check
// changes in a phase tab, someone else (another connection, the CLI) then
// changes the newer one; z is refused and says the step is dropped, the
// next z takes back the older change, Z makes it again, and the refused
// step never comes back. Real bbolt file, real changer.
func TestUndoRefusedStepIsDropped(t *testing.T) {
	e := newContractEnv(t)
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	older := e.sess().QuickCheck["qc.s1"]
	contractRow(t, tb, "qc.s1")
	tb = e.send(tb, kSpace)
	changedOlder := e.sess().QuickCheck["qc.s1"]
	if changedOlder == older {
		t.Fatal("space did not change qc.s1")
	}
	contractRow(t, tb, "qc.s2")
	tb = e.send(tb, kSpace)

	theirs := model.QuickEntry{Status: model.StatusErledigt, Note: "von der anderen Verbindung"}
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.QuickCheck["qc.s2"] = theirs
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	msgs := e.run(tb, e.d.changes.undo())
	text := refusal(t, msgs)
	for _, want := range []string{"Nicht rückgängig gemacht: inzwischen anders geändert – der Schritt entfällt; z nimmt den davor zurück", "Quick-Check-Punkt „"} {
		if !strings.Contains(text, want) {
			t.Errorf("refused z says %q, want %q in it", text, want)
		}
	}
	if got := e.sess().QuickCheck["qc.s2"]; got != theirs {
		t.Fatalf("the refused undo changed the other connection's entry: %+v", got)
	}

	tb = e.settle(tb, e.run(tb, e.d.changes.undo()))
	if got := e.sess().QuickCheck["qc.s1"]; got != older {
		t.Errorf("second z: qc.s1 = %+v, want it back at %+v", got, older)
	}
	tb = e.settle(tb, e.run(tb, e.d.changes.redo()))
	if got := e.sess().QuickCheck["qc.s1"]; got != changedOlder {
		t.Errorf("Z: qc.s1 = %+v, want %+v again", got, changedOlder)
	}
	// The refused step is gone: Z has nothing more, z only the older step.
	if msgs := e.run(tb, e.d.changes.redo()); len(msgs) != 1 || msgs[0] != (statusMsg{"Nichts zu wiederholen."}) {
		t.Errorf("second Z: %#v", msgs)
	}
	tb = e.settle(tb, e.run(tb, e.d.changes.undo()))
	if msgs := e.run(tb, e.d.changes.undo()); len(msgs) != 1 || msgs[0] != (statusMsg{"Nichts rückgängig zu machen."}) {
		t.Errorf("z past the first change: %#v", msgs)
	}
	if got := e.sess().QuickCheck["qc.s2"]; got != theirs {
		t.Errorf("the other connection's entry changed: %+v", got)
	}
}

// A refused step that was the only one says so without promising an
// older one; a refused redo is dropped as well.
func TestUndoRefusedLastStepAndRedo(t *testing.T) {
	e := newContractEnv(t)
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	contractRow(t, tb, "qc.s1")
	tb = e.send(tb, kSpace)
	other := func(note string) {
		t.Helper()
		if _, err := e.st.Update(e.id, func(s *model.Session) error {
			s.QuickCheck["qc.s1"] = model.QuickEntry{Status: model.StatusErledigt, Note: note}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	// undo works, then someone else changes the slot: Z is refused
	tb = e.settle(tb, e.run(tb, e.d.changes.undo()))
	other("fremd")
	text := refusal(t, e.run(tb, e.d.changes.redo()))
	if !strings.HasPrefix(text, "Nicht wiederhergestellt: inzwischen anders geändert – der Schritt entfällt (") {
		t.Errorf("refused Z: %q", text)
	}
	if msgs := e.run(tb, e.d.changes.redo()); len(msgs) != 1 || msgs[0] != (statusMsg{"Nichts zu wiederholen."}) {
		t.Errorf("Z after the refused one: %#v", msgs)
	}

	// one fresh change, overwritten by someone else: z refused, nothing before it
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	contractRow(t, tb, "qc.s1")
	tb = e.send(tb, kSpace)
	other("wieder fremd")
	text = refusal(t, e.run(tb, e.d.changes.undo()))
	if strings.Contains(text, "davor") || !strings.Contains(text, "der Schritt entfällt (") {
		t.Errorf("refused z of the only step: %q", text)
	}
}

// refusal is the one error a z or Z reported.
func refusal(t *testing.T, msgs []tea.Msg) string {
	t.Helper()
	if len(msgs) != 1 {
		t.Fatalf("want one result, got %#v", msgs)
	}
	m, ok := msgs[0].(errMsg)
	if !ok {
		t.Fatalf("want a refusal, got %#v", msgs[0])
	}
	return m.err.Error()
}

// An undo refused because the facilitator locked the question reads like
// every other refusal ("Nicht rückgängig gemacht: …") and is dropped too.
func TestUndoRefusedWhenLocked(t *testing.T) {
	e, _ := roomEnv(t)
	tb := answerForLemgo(t, e)
	if _, err := e.st.Update(e.id, func(s *model.Session) error { return s.Lock("traeger", true) }); err != nil {
		t.Fatal(err)
	}
	text := refusal(t, e.run(tb, e.d.changes.undo()))
	if !strings.HasPrefix(text, "Nicht rückgängig gemacht: die Moderation hat die Frage gesperrt – der Schritt entfällt (") ||
		!strings.Contains(text, "für „Stadt Lemgo“") {
		t.Errorf("undo of a locked answer: %q", text)
	}
	if _, ok := e.sess().Participant("p1").Profile["traeger"]; !ok {
		t.Error("the locked answer was taken back")
	}
	if msgs := e.run(tb, e.d.changes.undo()); len(msgs) != 1 || msgs[0] != (statusMsg{"Nichts rückgängig zu machen."}) {
		t.Errorf("z after the refused step: %#v", msgs)
	}
}
