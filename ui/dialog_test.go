package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"ikz/model"
)

// Editing the session data (r) with a municipality renamed and another
// removed: the dialog says beforehand which cost rows follow and which
// stay, on 80x24 too; enter stores both in one change, the status line
// names the kept row, and z takes the whole edit back.
func TestStartEditCarriesCostRows(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 45}} {
		st := shStore(t, &model.Session{Title: "Verbund", Traeger: "Stadt Lindenau",
			Municipalities: []string{"Gemeinde Au", "Markt Berg"},
			Costs: &model.CostSharing{Years: 5, Partners: []model.CostPartner{
				{Name: "Gemeinde Au", Schools: 1}, {Name: "Markt Berg", Schools: 2}, {Name: "Stadt Lindenau", Schools: 5}}}})
		m := shApp(t, st, sz[0], sz[1])
		shSend(t, m, shKeys("r", "enter", "enter")...) // to the municipalities
		shSend(t, m, repeatAny(shKey("backspace"), 40)...)
		shSend(t, m, shType("Markt Bergen, Stadt Neu")...)
		v := ansi.Strip(m.View())
		shCheckFits(t, m.View(), sz[0], sz[1])
		for _, want := range []string{"Kostenzahlen ziehen mit: „Markt Berg“ → „Markt Bergen“", "Kostenzahlen von „Gemeinde Au“ bleiben", "enter speichern"} {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: the dialog lacks %q:\n%s", sz[0], sz[1], want, v)
			}
		}
		shSend(t, m, shKeys("enter")...)
		sel, _ := m.start.selected()
		s, err := st.Get(sel.ID)
		if err != nil {
			t.Fatal(err)
		}
		var rows []string
		for _, p := range s.Costs.Partners {
			rows = append(rows, p.Name)
		}
		if strings.Join(s.Municipalities, ", ") != "Markt Bergen, Stadt Neu" || strings.Join(rows, ", ") != "Gemeinde Au, Markt Bergen, Stadt Lindenau" {
			t.Fatalf("%dx%d: stored municipalities %q, cost rows %q", sz[0], sz[1], s.Municipalities, rows)
		}
		if v := ansi.Strip(m.View()); !strings.Contains(v, "Kostenzahlen von „Gemeinde Au“ bleiben") || !strings.Contains(v, "z nimmt zurück") {
			t.Errorf("%dx%d: the status line does not name the kept row and z:\n%s", sz[0], sz[1], v)
		}

		shSend(t, m, shKeys("z")...)
		s, err = st.Get(sel.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(s.Municipalities, ", ") != "Gemeinde Au, Markt Berg" || s.Costs.Partners[1].Name != "Markt Berg" {
			t.Errorf("%dx%d: z left municipalities %q, cost rows %+v", sz[0], sz[1], s.Municipalities, s.Costs.Partners)
		}
		if v := ansi.Strip(m.View()); !strings.Contains(v, "Bearbeitung zurückgenommen") {
			t.Errorf("%dx%d: no word about the undo:\n%s", sz[0], sz[1], v)
		}
		shSend(t, m, shKeys("z")...) // nothing left to undo: no second inverse
		if s2, _ := st.Get(sel.ID); strings.Join(s2.Municipalities, ", ") != "Gemeinde Au, Markt Berg" {
			t.Errorf("%dx%d: a second z changed the session: %q", sz[0], sz[1], s2.Municipalities)
		}
	}
}
