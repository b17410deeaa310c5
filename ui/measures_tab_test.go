package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

func newTestMeasuresTab(e *tabEnv, w, h int) tab {
	tb := newMeasuresTab(e.d, e.sess())
	tb.SetSize(w, h)
	return tb
}

// fill enters values into the form's fields in order (title, responsible
// role, indicator, due date), each as one paste followed by enter.
func fill(values ...string) []tea.Msg {
	var out []tea.Msg
	for _, v := range values {
		out = append(out, kRunes(v), kEnter)
	}
	return out
}

func TestMeasuresAddInvalidDateThenValid(t *testing.T) {
	e := rvEnv(t, rvSession())
	tb := newTestMeasuresTab(e, 100, 20)
	tb = e.send(tb, kRunes("a"))
	if !tb.Capturing() {
		t.Fatal("a did not open the form")
	}
	tb = e.send(tb, fill("Ticketsystem einführen", "IT-Koordination", "alle 12 Schulen angebunden", "31.02.2027")...)
	v := plain(tb)
	if !strings.Contains(v, "Fällig am") || !strings.Contains(v, "gibt es nicht im Kalender") {
		t.Fatalf("no German error for 31.02.2027:\n%s", v)
	}
	if n := len(e.sess().Measures); n != 0 {
		t.Fatalf("a measure with an impossible date was saved (%d)", n)
	}

	tb = e.send(tb, repeat(kBackspace, 10)...)
	tb = e.send(tb, fill("31.3.2027")...)
	if ms := e.sess().Measures; len(ms) != 0 {
		t.Fatalf("a measure was stored before the last enter: %+v", ms)
	}
	// status: → laufend, enter; phase: → Sondierung, enter stores and closes.
	tb = e.send(tb, kRight, kEnter, kRight, kEnter)
	if tb.Capturing() {
		t.Fatal("the form is still open after the last field")
	}
	ms := e.sess().Measures
	if len(ms) != 1 {
		t.Fatalf("valid measure not saved: %+v", ms)
	}
	m := ms[0]
	if m.Due != "2027-03-31" || m.Title != "Ticketsystem einführen" || m.Responsible != "IT-Koordination" ||
		m.Indicator != "alle 12 Schulen angebunden" || m.ID == "" {
		t.Errorf("stored %+v, want the typed values with the date as ISO", m)
	}
	if m.Status != model.MeasureLaufend || m.Phase != model.PhaseSondierung {
		t.Errorf("status/phase %q/%q, want laufend/sondierung", m.Status, m.Phase)
	}
	v = plain(tb)
	if !strings.Contains(v, "31.03.2027") || strings.Contains(v, "2027-03-31") {
		t.Errorf("the table does not show the date the German way:\n%s", v)
	}
}

func TestMeasuresIndicatorRequired(t *testing.T) {
	e := rvEnv(t, rvSession())
	tb := newTestMeasuresTab(e, 80, 18)
	tb = e.send(tb, kRunes("a"))
	tb = e.send(tb, fill("Agenda festlegen", "Steuerkreis")...)
	tb = e.send(tb, kEnter) // empty indicator
	if v := plain(tb); !strings.Contains(v, "Indikator: fehlt") {
		t.Fatalf("an empty indicator passed without a message:\n%s", v)
	}
	tb = e.send(tb, kRunes("Agenda beschlossen"))
	tb = e.send(tb, kEnter, kEsc) // no date yet: not complete
	if n := len(e.sess().Measures); n != 0 {
		t.Fatalf("an incomplete measure was saved")
	}
	if v := plain(tb); !strings.Contains(v, "Entwurf gespeichert") {
		t.Errorf("closing an incomplete new measure says nothing:\n%s", v)
	}
	// a reopens the draft with everything typed.
	tb = e.send(tb, kRunes("a"))
	if v := plain(tb); !strings.Contains(v, "Agenda beschlossen") || !strings.Contains(v, "Entwurf fortgesetzt") {
		t.Errorf("the draft did not come back:\n%s", v)
	}
}

func TestMeasuresOverdueStatusDelete(t *testing.T) {
	sess := rvSession()
	sess.Measures = rvMeasures()
	e := rvEnv(t, sess)
	tb := newTestMeasuresTab(e, 100, 20)
	v := plain(tb)
	// Open measures by due date, the overdue one first and marked.
	lines := strings.Split(v, "\n")
	if !strings.Contains(lines[1], "› Ticketsystem") || !strings.Contains(lines[1], "30.09.2026 ⚠") {
		t.Errorf("the overdue measure is not first and marked:\n%s", v)
	}
	if strings.Contains(lines[2], "⚠") || strings.Contains(lines[3], "⚠") {
		t.Errorf("a measure that is not overdue is marked:\n%s", v)
	}
	if !strings.Contains(v, "überfällig seit 52 Tagen") || !strings.Contains(v, "überfällig: 1 von 3") {
		t.Errorf("detail or count of overdue measures missing:\n%s", v)
	}

	tb = e.send(tb, kSpace) // laufend → erledigt: no longer overdue
	if st := e.sess().Measures[1].Status; st != model.MeasureErledigt {
		t.Fatalf("space gave status %q, want erledigt", st)
	}
	if v := plain(tb); strings.Contains(v, "⚠") {
		t.Errorf("a done measure is still marked overdue:\n%s", v)
	}

	tb = e.send(tb, kRunes("d"))
	if v := plain(tb); !strings.Contains(v, "löschen?") {
		t.Fatalf("d asks nothing:\n%s", v)
	}
	tb = e.send(tb, kRunes("n"))
	if n := len(e.sess().Measures); n != 3 {
		t.Fatalf("n deleted a measure (%d left)", n)
	}
	// The cursor followed m2 to its new place among the done ones.
	tb = e.send(tb, kRunes("d"), kRunes("j"))
	ms := e.sess().Measures
	if len(ms) != 2 {
		t.Fatalf("d j left %d measures, want 2", len(ms))
	}
	for _, m := range ms {
		if m.ID == "m2" {
			t.Errorf("deleted the wrong measure; left %+v", ms)
		}
	}
	_ = tb
}

func TestMeasuresEditKeepsIDAndISODate(t *testing.T) {
	sess := rvSession()
	sess.Measures = rvMeasures()[:1]
	e := rvEnv(t, sess)
	tb := newTestMeasuresTab(e, 100, 20)
	tb = e.send(tb, kRunes("e"))
	if v := plain(tb); !strings.Contains(v, "31.01.2027") || !strings.Contains(v, "Maßnahme bearbeiten") {
		t.Fatalf("the editor does not show the stored date the German way:\n%s", v)
	}
	tb = e.send(tb, kRunes(" (EU-weit)"))
	if ms := e.sess().Measures; ms[0].Title != "Rahmenvertrag Endgeräte ausschreiben" {
		t.Fatalf("stored before enter: %+v", ms)
	}
	tb = e.send(tb, repeat(kEnter, 6)...)
	ms := e.sess().Measures
	if len(ms) != 1 || ms[0].ID != "m1" || ms[0].Title != "Rahmenvertrag Endgeräte ausschreiben (EU-weit)" || ms[0].Due != "2027-01-31" {
		t.Errorf("edit stored %+v", ms)
	}
	tb = e.send(tb, kEsc)
	if tb.Capturing() || tb.(*measuresTab).WantsEsc() {
		t.Error("esc did not close the editor")
	}
}

func TestMeasuresViewFits(t *testing.T) {
	sess := rvSession()
	sess.Measures = rvMeasures()
	e := rvEnv(t, sess)
	tb := newMeasuresTab(e.d, e.sess()) // built before the first size, as in the app
	for _, sz := range boxSizes {
		tb.SetSize(sz[0], sz[1])
		assertFits(t, "table", tb.View(), sz[0], sz[1])
	}
	tb = e.send(tb, kRunes("a"))
	for _, sz := range boxSizes {
		tb.SetSize(sz[0], sz[1])
		assertFits(t, "form", tb.View(), sz[0], sz[1])
	}
}

func TestMeasuresEmptyExplains(t *testing.T) {
	e := rvEnv(t, rvSession())
	tb := newTestMeasuresTab(e, 80, 18)
	if v := plain(tb); !strings.Contains(v, "Noch keine Maßnahmen") || !strings.Contains(v, "Mit a") {
		t.Errorf("empty tab does not explain how to begin:\n%s", v)
	}
	tb = e.send(tb, kSpace, kRunes("d"), kEnter) // nothing to act on
	if tb.Capturing() || len(e.sess().Measures) != 0 {
		t.Error("keys on an empty table did something")
	}
}

func TestNextMeasureStatus(t *testing.T) {
	cases := []struct{ from, want model.MeasureStatus }{
		{model.MeasureGeplant, model.MeasureLaufend},
		{model.MeasureLaufend, model.MeasureErledigt},
		{model.MeasureErledigt, model.MeasureVerworfen},
		{model.MeasureVerworfen, model.MeasureGeplant},
		{"", model.MeasureGeplant},
	}
	for _, c := range cases {
		if got := nextMeasureStatus(c.from); got != c.want {
			t.Errorf("next(%q) = %q, want %q", c.from, got, c.want)
		}
	}
}
