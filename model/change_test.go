package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"
)

func changeBase() *Session {
	return &Session{
		Title: "T", Traeger: "Kreis",
		Profile:    Profile{"bundesland": {"NW"}},
		Notes:      map[string]string{"s.bedarf.aufgaben": "Support"},
		QuickCheck: map[string]QuickEntry{"qc.s2": {Status: StatusInArbeit}},
		Measures:   []Measure{{ID: "m1", Title: "Ticketsystem", Indicator: "x", Due: "2026-12-01", Status: MeasureGeplant}},
		Efficiency: &Efficiency{Years: 5},
		Decisions:  []Decision{{Model: "zweckverband", Reason: "weil", At: time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)}},
	}
}

func dump(t *testing.T, s *Session) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every change, applied and then undone by its inverse, leaves the session
// as it was; its redo gives the changed session again.
func TestChangeInverse(t *testing.T) {
	cases := []struct {
		name string
		make func(s *Session) Change
	}{
		{"answer", func(s *Session) Change { return SetAnswerChange(s, "bundesland", Answer{"BY"}) }},
		{"answer new", func(s *Session) Change { return SetAnswerChange(s, "leistungskraft", Answer{"hoch"}) }},
		{"answer cleared", func(s *Session) Change { return SetAnswerChange(s, "bundesland", nil) }},
		{"note", func(s *Session) Change { return SetNoteChange(s, "s.bedarf.aufgaben", "mehr") }},
		{"note cleared", func(s *Session) Change { return SetNoteChange(s, "s.bedarf.aufgaben", "") }},
		{"quick", func(s *Session) Change { return SetQuickChange(s, "qc.s2", QuickEntry{Status: StatusErledigt}) }},
		{"quick reset", func(s *Session) Change { return SetQuickChange(s, "qc.s2", QuickEntry{}) }},
		{"measure changed", func(s *Session) Change {
			m := s.Measures[0]
			m.Status = MeasureLaufend
			return PutMeasureChange(s, m)
		}},
		{"measure new", func(s *Session) Change {
			return PutMeasureChange(s, Measure{ID: "m2", Title: "B", Indicator: "y", Due: "2027-01-01", Status: MeasureGeplant})
		}},
		{"measure deleted", func(s *Session) Change { return DeleteMeasureChange(s, "m1") }},
		{"efficiency", func(s *Session) Change { return SetEfficiencyChange(s, "x", &Efficiency{Years: 3}) }},
		{"efficiency removed", func(s *Session) Change { return SetEfficiencyChange(s, "x", nil) }},
		{"title", func(s *Session) Change { return SetTextChange(s, FieldTitle, "Titel", "Neu") }},
		{"municipalities", func(s *Session) Change { return SetMunicipalitiesChange(s, []string{"A", "B"}) }},
		{"decision void", func(s *Session) Change { return VoidDecisionChange(s, 0, true) }},
		{"session data with derived count", func(s *Session) Change {
			c := SessionDataChange(s, "Neu", "Kreis", []string{"A", "B"})
			if len(c.Edits) != 3 { // title, municipalities, partner_anzahl (the Träger is unchanged)
				panic(fmt.Sprintf("edits %+v", c.Edits))
			}
			return c
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := changeBase()
			before := dump(t, s)
			ch := c.make(s)
			if ch.Empty() {
				t.Fatal("change is empty")
			}
			if err := ch.Apply(s); err != nil {
				t.Fatal(err)
			}
			after := dump(t, s)
			if after == before {
				t.Fatal("apply changed nothing")
			}
			if err := ch.Inverse().Apply(s); err != nil {
				t.Fatalf("undo: %v", err)
			}
			if got := dump(t, s); got != before {
				t.Errorf("undo:\n%s\nwant\n%s", got, before)
			}
			if err := ch.Redo().Apply(s); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if got := dump(t, s); got != after {
				t.Errorf("redo:\n%s\nwant\n%s", got, after)
			}
		})
	}
}

// An undo does not overwrite what someone else changed meanwhile.
func TestChangeUndoConflict(t *testing.T) {
	s := changeBase()
	c := SetAnswerChange(s, "bundesland", Answer{"BY"})
	if err := c.Apply(s); err != nil {
		t.Fatal(err)
	}
	s.Profile["bundesland"] = Answer{"HE"} // another connection
	var conflict *StaleChangeError
	if err := c.Inverse().Apply(s); !errors.As(err, &conflict) {
		t.Fatalf("undo over a newer answer: %v, want a conflict", err)
	}
	if !s.Profile.Is("bundesland", "HE") {
		t.Errorf("the conflicting undo changed the answer: %v", s.Profile)
	}
}

func TestHistory(t *testing.T) {
	var h History
	s := changeBase()
	for i := range 30 {
		st := []QuickStatus{StatusErledigt, StatusInArbeit}[i%2]
		c := SetQuickChange(s, "qc.s2", QuickEntry{Status: st})
		if err := c.Apply(s); err != nil {
			t.Fatal(err)
		}
		h.Push(c)
	}
	for i := range 30 {
		inv, ok := h.Undo()
		if !ok {
			t.Fatalf("undo %d: nothing to undo", i+1)
		}
		if err := inv.Apply(s); err != nil {
			t.Fatalf("undo %d: %v", i+1, err)
		}
	}
	if got := s.QuickCheck["qc.s2"].Status; got != StatusInArbeit {
		t.Errorf("after 30 undos status %q", got)
	}
	if _, ok := h.Undo(); ok {
		t.Error("undo past the start")
	}
	c, ok := h.Redo()
	if !ok || c.Apply(s) != nil || s.QuickCheck["qc.s2"].Status != StatusErledigt {
		t.Errorf("redo: %v %v", ok, s.QuickCheck["qc.s2"])
	}
	h.Push(SetNoteChange(s, "s.bedarf.aufgaben", "neu"))
	if h.CanRedo() {
		t.Error("a new change must clear the redo stack")
	}
	h.Push(AddDecisionChange(s, Decision{Model: "zweckverband", Reason: "x", At: time.Now()}))
	if inv, _ := h.Undo(); inv.Name != SetNoteChange(s, "s.bedarf.aufgaben", "neu").Name {
		t.Errorf("a final change (decision) was put on the undo stack: %q", inv.Name)
	}
}

// A decision marked "irrtümlich erfasst" is kept but never in force.
func TestVoidDecision(t *testing.T) {
	s := changeBase()
	if err := AddDecisionChange(s, Decision{Model: "aoer", Reason: "Versehen", At: time.Date(2026, 2, 1, 9, 30, 0, 0, time.UTC), Body: "Kreistag"}).Apply(s); err != nil {
		t.Fatal(err)
	}
	if err := VoidDecisionChange(s, 1, true).Apply(s); err != nil {
		t.Fatal(err)
	}
	d, ok := s.CurrentDecision()
	if !ok || d.Model != "zweckverband" {
		t.Errorf("current decision %v %v, want the earlier zweckverband", d.Model, ok)
	}
	h := s.DecisionHistory()
	if len(h) != 2 || !h[0].Void || h[0].Current || !h[1].Current {
		t.Errorf("history %+v", h)
	}
}
