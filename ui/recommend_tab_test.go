package ui

import (
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// richProfile answers most questions; SL has no joint municipal institution,
// so aoer is excluded.
var richProfile = model.Profile{
	"bundesland": {"SL"}, "traeger": {"landkreis"}, "leistungskraft": {"gering"},
	"partner_leistungskraft": {"unterschiedlich"}, "partner_anzahl": {"6"}, "laendlich": {"true"},
	"ziele": {"aufgabensicherung", "wirtschaftlichkeit"}, "umfang": {"aufgabenbereich"},
	"zustaendigkeit": {"abgeben"}, "verbindlichkeit": {"hoch"}, "neue_rechtsperson": {"offen"},
	"dauer": {"unbefristet"},
}

func newTestRecommendTab(e *tabEnv, w, h int) tab {
	tb := newRecommendTab(e.d, e.sess())
	tb.SetSize(w, h)
	return tb
}

func TestRecommendTabRanking(t *testing.T) {
	e := newTabEnv(t, richProfile)
	tb := newTestRecommendTab(e, 120, 32)
	res := model.Score(richProfile)
	if got, want := selectedID(tb), rowModelPref+string(res.Ranking[0].Model); got != want {
		t.Fatalf("cursor starts on %q, want the leading model %q", got, want)
	}
	v := plain(tb)
	for i, ms := range res.Ranking {
		m, _ := model.ModelByID(ms.Model)
		if !strings.Contains(v, m.Short) {
			t.Errorf("ranking lacks %s", m.Short)
		}
		if i == 0 && !strings.Contains(v, "1. "+m.Short) {
			t.Errorf("the leading model is not ranked 1:\n%s", v)
		}
	}
	aoer, _ := res.ByModel(model.AoeR)
	if !aoer.Excluded {
		t.Fatal("fixture: aoer should be excluded in SL")
	}
	if !strings.Contains(v, "ausgeschlossen") {
		t.Errorf("the excluded model is not marked:\n%s", v)
	}
	if !strings.Contains(v, disclaimer) {
		t.Error("the disclaimer is missing")
	}
	// The detail follows the cursor.
	second, _ := model.ModelByID(res.Ranking[1].Model)
	tb = e.send(tb, kDown)
	if !strings.Contains(plain(tb), second.Name+" · ") {
		t.Errorf("detail does not show %s after ↓:\n%s", second.Name, plain(tb))
	}
	for _, want := range []string{"Dafür", "Dagegen", "Rechtsgrundlage in Saarland", "Kipppunkt"} {
		if !strings.Contains(tb.(*recommendTab).detailText(selectedID(tb), 80), want) {
			t.Errorf("detail lacks %q", want)
		}
	}
}

func TestRecommendTabDetailShowsEverything(t *testing.T) {
	e := newTabEnv(t, richProfile)
	tb := newTestRecommendTab(e, 120, 32).(*recommendTab)
	res := model.Score(richProfile)
	for _, ms := range res.Ranking {
		m, _ := model.ModelByID(ms.Model)
		d := ansiStrip(tb.detailText(rowModelPref+string(ms.Model), 70))
		if ms.Excluded && !strings.Contains(d, "Ausgeschlossen: ") {
			t.Errorf("%s: no exclusion reason", ms.Model)
		}
		for _, c := range ms.Contributions {
			if !strings.Contains(strings.Join(strings.Fields(d), " "), strings.Join(strings.Fields(c.Reason), " ")) {
				t.Errorf("%s: reason %q missing", ms.Model, c.Reason)
			}
		}
		if len(ms.Flags) > 0 && !strings.Contains(d, "Bitte prüfen") {
			t.Errorf("%s: flags missing", ms.Model)
		}
		if m.Governance.Title != "" && !strings.Contains(d, "Steuerung: ") {
			t.Errorf("%s: governance template missing", ms.Model)
		}
		if len(m.Checklist) > 0 && !strings.Contains(d, "Vor der Entscheidung prüfen") {
			t.Errorf("%s: checklist missing", ms.Model)
		}
		if f, ok := res.Land.Forms[ms.Model]; ok && f.Available && !strings.Contains(d, "„"+f.Name+"“") {
			t.Errorf("%s: the Land's name of the form %q missing", ms.Model, f.Name)
		}
	}
}

func TestRecommendTabCityStateFirst(t *testing.T) {
	e := newTabEnv(t, model.Profile{"bundesland": {"BE"}})
	tb := newTestRecommendTab(e, 120, 32).(*recommendTab)
	if !tb.list.rows[0].warn {
		t.Error("the first row should warn about the city-state")
	}
	d := ansiStrip(tb.detailText(selectedID(tb), 70))
	land, _ := model.LandByCode("BE")
	if !strings.HasPrefix(d, "⚠ ") || !strings.Contains(strings.Join(strings.Fields(d), " "), strings.Join(strings.Fields(land.CityNote), " ")[:40]) {
		t.Errorf("detail does not start with the city-state note:\n%s", d)
	}
}

func TestRecommendTabOpenQuestionJumps(t *testing.T) {
	e := newTabEnv(t, model.Profile{"bundesland": {"NW"}})
	tb := newTestRecommendTab(e, 100, 21)
	res := model.Score(model.Profile{"bundesland": {"NW"}})
	want := res.Unanswered[0]
	if !strings.Contains(plain(tb), "Offene Fragen ("+itoa(len(res.Unanswered))+")") {
		t.Errorf("no open-questions heading:\n%s", plain(tb))
	}
	tb.(*recommendTab).list.selectID(rowOpenPref + want)
	e.send(tb, kEnter)
	if len(e.jumps) != 1 || e.jumps[0] != (jumpMsg{tab: 0, item: want}) {
		t.Errorf("jumps = %+v, want one to %q in tab 0", e.jumps, want)
	}
}

func TestRecommendTabDetailFocusScrolls(t *testing.T) {
	e := newTabEnv(t, richProfile)
	tb := newTestRecommendTab(e, 78, 16)
	tb = e.send(tb, kEnter)
	r := tb.(*recommendTab)
	if !r.detailFocus || !r.WantsEsc() {
		t.Fatal("enter on a model should focus the detail")
	}
	before := r.detail.YOffset
	tb = e.send(tb, kDown, kDown)
	if r.detail.YOffset != before+2 {
		t.Errorf("↓↓ scrolled to %d, want %d", r.detail.YOffset, before+2)
	}
	if selectedID(tb) != rowModelPref+string(model.Score(richProfile).Ranking[0].Model) {
		t.Error("scrolling the detail moved the list cursor")
	}
	e.send(tb, kEsc)
	if r.detailFocus || r.WantsEsc() {
		t.Error("esc should return to the list and then let the session screen have esc")
	}
}

func TestRecommendTabDecisionHistory(t *testing.T) {
	e := newTabEnv(t, richProfile)
	tb := newTestRecommendTab(e, 100, 21)
	top := model.Score(richProfile).Top()
	tb.(*recommendTab).list.selectID(rowDecision)
	tb = e.send(tb, kEnter)
	if !tb.(escWanter).WantsEsc() {
		t.Fatal("enter on the decision row should open the editor")
	}
	tb = e.send(tb, kEnter) // keep the proposed model, on to the reason
	tb = e.send(tb, typed("Passt")...)
	tb = e.send(tb, kEnter)                 // reason → Gremium
	tb = e.send(tb, typed("Kreistag")...)   // the body that decided
	tb = e.send(tb, kEnter, kEnter, kEnter) // date and time as proposed → the question
	if n := len(e.sess().Decisions); n != 0 {
		t.Fatalf("%d decisions recorded before the confirm step", n)
	}
	tb = e.send(tb, kRunes("n")) // "Nein, noch nicht"
	if n := len(e.sess().Decisions); n != 0 || tb.(escWanter).WantsEsc() {
		t.Fatalf("no at the confirm step recorded %d decisions (editor open: %v)", n, tb.(escWanter).WantsEsc())
	}
	// The draft comes back: model, reason and Gremium are still there.
	tb = e.send(tb, kEnter)
	if got := tb.(*recommendTab).draft; got.Reason != "Passt" || got.Body != "Kreistag" {
		t.Fatalf("the draft did not come back: %+v", got)
	}
	tb = e.send(tb, kEnter, kEnter, kEnter, kEnter, kEnter, kRunes("j"))
	ds := e.sess().Decisions
	if len(ds) != 1 || ds[0].Model != top || ds[0].Reason != "Passt" || ds[0].Body != "Kreistag" || ds[0].Computed != top {
		t.Fatalf("decisions %+v, want one for %s with reason and Gremium", ds, top)
	}
	if got := ds[0].At.In(displayZone).Format("15:04"); got != tabClock.In(displayZone).Format("15:04") {
		t.Errorf("decision time %s, want the proposed time", got)
	}
	// A second visit starts with an empty reason (never the old one).
	tb = e.send(tb, kEnter)
	if r := tb.(*recommendTab).draft.Reason; r != "" {
		t.Errorf("a new decision is pre-filled with the old reason %q", r)
	}
	tb = e.send(tb, kEsc)
	if ds = e.sess().Decisions; len(ds) != 1 {
		t.Fatalf("esc recorded a decision: %+v", ds)
	}
	tb.(*recommendTab).list.selectID(rowDecision)
	tb.SetSize(100, 21)
	v := ansiStrip(tb.(*recommendTab).detailText(rowDecision, 90))
	if !strings.Contains(v, "Gewählt: ") {
		t.Errorf("decision detail lacks the current one:\n%s", v)
	}
}

func TestRecommendTabReloadRescoresOnlyOnProfileChange(t *testing.T) {
	e := newTabEnv(t, richProfile)
	tb := newTestRecommendTab(e, 100, 21).(*recommendTab)
	before := tb.res.Top()
	tb.list.move(2) // reading about the third model
	s, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Profile = model.Profile{"bundesland": {"SL"}, "umfang": {"austausch"}, "verbindlichkeit": {"gering"},
			"ziele": {"erfahrungsaustausch"}, "neue_rechtsperson": {"nein"}, "ressourcen": {"gering"}, "dauer": {"befristet"}}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e.send(tb, sessionLoadedMsg{s})
	prof := reflect.ValueOf(tb.prof).Pointer()
	if want := model.Score(s.Profile).Top(); tb.res.Top() != want || want == before {
		t.Errorf("after the reload the top is %s, want %s (was %s)", tb.res.Top(), want, before)
	}
	if got := selectedID(tb); got != rowModelPref+string(tb.res.Top()) {
		t.Errorf("after rescoring the cursor is on %q, want the new lead", got)
	}
	tb.list.move(1)
	kept := selectedID(tb)
	s, err = e.st.Update(e.id, func(s *model.Session) error { s.Notes = map[string]string{"s.bedarf.ziele": "n"}; return nil })
	if err != nil {
		t.Fatal(err)
	}
	e.send(tb, sessionLoadedMsg{s})
	if reflect.ValueOf(tb.prof).Pointer() != prof {
		t.Error("a save that did not touch the profile scored again")
	}
	if selectedID(tb) != kept {
		t.Error("a save that did not touch the profile moved the cursor")
	}
}

func TestRecommendTabFits(t *testing.T) {
	for _, p := range []model.Profile{richProfile, {"bundesland": {"HB"}}, {}} {
		e := newTabEnv(t, p)
		for _, sz := range boxSizes {
			tb := newTestRecommendTab(e, sz[0], sz[1])
			for i := 0; i < 12; i++ {
				assertFits(t, "list "+selectedID(tb), tb.View(), sz[0], sz[1])
				tb = e.send(tb, kDown)
			}
			tb.(*recommendTab).list.selectID(rowDecision)
			tb = e.send(tb, kEnter)
			assertFits(t, "decision editor", tb.View(), sz[0], sz[1])
		}
	}
}

// All three tabs survive tiny boxes (full help open on a small terminal)
// in every state, and never draw outside them.
func TestTabsInTinyBoxes(t *testing.T) {
	e := newTabEnv(t, richProfile)
	for _, sz := range smallBoxes {
		w, h := sz[0], sz[1]
		tabs := []tab{newTestProfileTab(e, w, h), newTestPhaseTab(e, model.PhaseSondierung, w, h), newTestRecommendTab(e, w, h)}
		for _, tb := range tabs {
			assertFits(t, "list", tb.View(), w, h)
			tb = e.send(tb, kDown, kEnter)
			assertFits(t, "open", tb.View(), w, h)
			tb.SetSize(120, 30)
			tb.SetSize(w, h)
			assertFits(t, "resized", tb.View(), w, h)
		}
	}
}

// The decision editor says what esc and "noch nicht" did (nothing
// recorded, the draft kept) and names what the confirm step records.
func TestRecommendTabDecisionSaysDraftIsKept(t *testing.T) {
	e := newTabEnv(t, richProfile)
	var notes []string
	e.onMsg = func(msg tea.Msg) {
		if m, ok := msg.(statusMsg); ok {
			notes = append(notes, m.text)
		}
	}
	tb := newTestRecommendTab(e, 100, 21)
	tb.(*recommendTab).list.selectID(rowDecision)
	tb = e.send(tb, kEnter, kEnter)
	tb = e.send(tb, typed("Passt")...)
	tb = e.send(tb, kEsc)
	if len(notes) != 1 || notes[0] != decisionKeptNote {
		t.Fatalf("esc in the decision editor said %q, want %q", notes, decisionKeptNote)
	}
	tb = e.send(tb, kEnter) // the draft comes back, and the status says so
	if last := notes[len(notes)-1]; last != "Entwurf der Entscheidung fortgesetzt." {
		t.Errorf("reopening the draft said %q", last)
	}
	tb = e.send(tb, kEnter, kEnter)
	tb = e.send(tb, typed("Kreistag")...)
	tb = e.send(tb, kEnter, kEnter, kEnter)
	view := plain(tb)
	name := model.Models[0].Name
	if m, ok := model.ModelByID(model.Score(richProfile).Top()); ok {
		name = m.Name
	}
	if !strings.Contains(view, "„"+name+"“ – Kreistag,") || !strings.Contains(view, "so festhalten?") {
		t.Errorf("the confirm step does not name model and Gremium:\n%s", view)
	}
	e.send(tb, kRunes("n"))
	if last := notes[len(notes)-1]; !strings.Contains(last, "nicht festgehalten") || !strings.Contains(last, "Entwurf bleibt") {
		t.Errorf("\"noch nicht\" said %q", last)
	}
}

// Every point keeps its source on screen: a long answer wraps the
// "answer · Quelle" line instead of cutting the source off.
func TestRecommendTabPointsKeepTheirSource(t *testing.T) {
	p := model.Profile{"bundesland": {"NI"}, "umfang": {"aufgabenbereich"}, "zustaendigkeit": {"abgeben"},
		"verbindlichkeit": {"hoch"}, "bestehende_struktur": {"zweckverband"}}
	e := newTabEnv(t, p)
	tb := newTestRecommendTab(e, 160, 45).(*recommendTab)
	res := model.Score(p)
	for _, w := range []int{40, 60, 90} {
		for _, ms := range res.Ranking {
			v := ansiStrip(tb.detailText(rowModelPref+string(ms.Model), w))
			for _, line := range strings.Split(v, "\n") {
				if strings.Contains(line, "Umfang der Zusammenarbeit:") && strings.HasSuffix(strings.TrimSpace(line), "…") {
					t.Errorf("%d cols, %s: the answer line is cut: %q", w, ms.Model, line)
				}
			}
			flat := strings.Join(strings.Fields(v), " ")
			if strings.Contains(flat, "Umfang der Zusammenarbeit: ein ganzer") && !strings.Contains(flat, "die Beschaffung) · Quelle: H") {
				t.Errorf("%d cols, %s: the source of the Umfang point is missing:\n%s", w, ms.Model, v)
			}
		}
	}
}
