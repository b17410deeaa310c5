package ui

import (
	"strconv"
	"testing"

	"ikz/model"
)

// Accessible mode drops a refused undo like the tabs do, in the tabs'
// words: the quick-check item was changed elsewhere after it was answered
// here, so its undo is refused and the step is gone; the note before it
// can still be taken back.
func TestAccessibleUndoRefusedStepIsDropped(t *testing.T) {
	st := shStore(t, phaseSession())
	id := onlySession(t, st).ID
	theirs := model.QuickEntry{Status: model.StatusInArbeit, Note: "von anderswo"}
	answer := steps(toGroup, script{"Neu", "", ""},
		script{strconv.Itoa(len(accPhase.Groups) + 1), "3", "", "5", ""}, // quick item 1 erledigt, then leave
		script{menu("Rückgängig")})
	in := steps(answer,
		script{"1"},      // undo the quick-check item: refused
		script{"1", "2"}, // undo the note, back
		script{menu("Beenden")})
	h := &hookReader{lines: in, hooks: map[int]func(){
		len(answer): func() {
			if _, err := st.Update(id, func(s *model.Session) error {
				s.QuickCheck[accItem[0]] = theirs
				return nil
			}); err != nil {
				t.Error(err)
			}
		},
	}}
	text := runAccessibleFrom(t, st, h)
	containsAll(t, text, "refused undo",
		"Nicht rückgängig gemacht: inzwischen anders geändert – der Schritt entfällt (Quick-Check-Punkt „",
		"Rückgängig gemacht: Notiz „")
	s := onlySession(t, st)
	if s.QuickCheck[accItem[0]] != theirs {
		t.Errorf("the other quick-check entry was overwritten: %+v", s.QuickCheck[accItem[0]])
	}
	if s.Notes[accQ[0]] != "Support entlasten" {
		t.Errorf("note after the second undo = %q, want the old one", s.Notes[accQ[0]])
	}
}
