package ui

import (
	"github.com/charmbracelet/x/ansi"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// workshopEnv is a session with two participants and the Workshop tab on it.
func workshopEnv(t *testing.T) (*tabEnv, tab) {
	t.Helper()
	e := newTabEnv(t, model.Profile{})
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		for _, n := range []string{"Stadt Lemgo", "Gemeinde Dörentrup"} {
			if _, err := s.AddParticipant(n); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb := workshopFor(e.d, e.sess())
	if tb == nil {
		t.Fatal("no Workshop tab for a session with participants")
	}
	tb.SetSize(120, 30)
	return e, tb
}

// selectRow moves the cursor to the row with id.
func selectRow(t *testing.T, tb tab, id string) {
	t.Helper()
	if !tb.(*workshopTab).list.selectID(id) {
		t.Fatalf("row %q not in the list", id)
	}
}

func TestWorkshopTabOnlyForWorkshops(t *testing.T) {
	e := newTabEnv(t, model.Profile{})
	if workshopFor(e.d, e.sess()) != nil {
		t.Error("a plain session got the Workshop tab")
	}
	d := e.d
	d.workshop = true
	if workshopFor(d, e.sess()) == nil {
		t.Error("workshop mode without the Workshop tab")
	}
}

func TestWorkshopAddParticipant(t *testing.T) {
	e, tb := workshopEnv(t)
	tb = e.send(tb, kRunes("a"))
	if !tb.Capturing() {
		t.Fatal("name field does not take typing")
	}
	tb = e.send(tb, append(typed("Stadt Blomberg"), kEnter)...)
	var names []string
	for _, p := range e.sess().Participants {
		names = append(names, p.Name)
	}
	if want := []string{"Stadt Lemgo", "Gemeinde Dörentrup", "Stadt Blomberg"}; !slices.Equal(names, want) {
		t.Fatalf("participants = %v, want %v", names, want)
	}
	if !strings.Contains(plain(tb), "Stadt Blomberg") {
		t.Error("new participant not listed")
	}
	// A duplicate is refused with a German reason, nothing is stored.
	tb = e.send(tb, kRunes("a"))
	tb = e.send(tb, append(typed("stadt lemgo"), kEnter)...)
	if n := len(e.sess().Participants); n != 3 {
		t.Errorf("duplicate stored: %d participants", n)
	}
	if !strings.Contains(plain(tb), "schon dabei") {
		t.Errorf("no reason shown for the duplicate:\n%s", plain(tb))
	}
}

func TestWorkshopAnswerAsParticipantAndAgree(t *testing.T) {
	e, tb := workshopEnv(t)
	// Answer "bundesland" as Stadt Lemgo: choose her, open the select, pick
	// the first Land.
	selectRow(t, tb, rowAsPrefix+"p1")
	tb = e.send(tb, kEnter)
	if tb.(*workshopTab).as != "p1" {
		t.Fatal("enter did not choose the participant")
	}
	selectRow(t, tb, rowKeyPrefix+"bundesland")
	tb = e.send(tb, kEnter, kEnter) // the cursor starts on the first Land (no "keine Angabe" to wrap into)
	q, _ := model.ProfileQuestionByKey("bundesland")
	first := q.Options[0]
	s := e.sess()
	if got := s.Participant("p1").Profile["bundesland"]; !slices.Equal(got, model.Answer{first.Value}) {
		t.Fatalf("Lemgo's answer = %v, want [%s]", got, first.Value)
	}
	if _, ok := s.Profile["bundesland"]; ok {
		t.Fatal("a participant's answer went into the agreed profile")
	}

	// The second participant answers the same: Einigkeit, and the
	// facilitator adopts the majority with m.
	selectRow(t, tb, rowAsPrefix+"p2")
	tb = e.send(tb, kEnter)
	selectRow(t, tb, rowKeyPrefix+"bundesland")
	tb = e.send(tb, kEnter, kEnter)
	selectRow(t, tb, rowAsPrefix)
	tb = e.send(tb, kEnter)
	selectRow(t, tb, rowKeyPrefix+"bundesland")
	v := plain(tb)
	if !strings.Contains(v, "2× "+first.Label) || !strings.Contains(v, "Einigkeit") {
		t.Fatalf("spread not shown:\n%s", v)
	}
	tb = e.send(tb, kRunes("m"))
	if got := e.sess().Profile["bundesland"]; !slices.Equal(got, model.Answer{first.Value}) {
		t.Fatalf("agreed answer = %v, want [%s]", got, first.Value)
	}
	if !strings.Contains(plain(tb), "Gemeinsame Antwort: "+first.Label) {
		t.Errorf("agreed answer not shown:\n%s", plain(tb))
	}
}

func TestWorkshopDisputedFirstAndRankings(t *testing.T) {
	e, tb := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		if err := s.SetParticipantAnswer("p1", "dauer", model.Answer{"befristet"}); err != nil {
			return err
		}
		return s.SetParticipantAnswer("p2", "dauer", model.Answer{"unbefristet"})
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	w := tb.(*workshopTab)
	var keys []string
	for _, r := range w.list.rows {
		if k, ok := strings.CutPrefix(r.id, rowKeyPrefix); ok {
			keys = append(keys, r.mark+k)
		}
	}
	if len(keys) == 0 || keys[0] != markDissens+"dauer" {
		t.Fatalf("first key rows = %v, want the disputed dauer first", keys[:min(3, len(keys))])
	}
	selectRow(t, tb, rowRankings)
	v := plain(tb)
	for _, want := range []string{"Stadt Lemgo", "Gemeinde Dö", model.JointName} {
		if !strings.Contains(v, want) {
			t.Errorf("rankings lack %q:\n%s", want, v)
		}
	}
}

func TestWorkshopQuickRatingCycles(t *testing.T) {
	e, tb := workshopEnv(t)
	selectRow(t, tb, rowAsPrefix+"p2")
	tb = e.send(tb, kEnter)
	selectRow(t, tb, rowQuickPrefix+"qc.s1")
	tb = e.send(tb, kSpace, kSpace)
	if got := e.sess().Participant("p2").QuickCheck["qc.s1"]; got != model.StatusInArbeit {
		t.Fatalf("rating = %q, want in_arbeit after two presses", got)
	}
	tb = e.send(tb, kBackspace)
	if !tb.Capturing() || !strings.Contains(plain(tb), "löschen?") {
		t.Fatalf("backspace did not ask first:\n%s", plain(tb))
	}
	if _, ok := e.sess().Participant("p2").QuickCheck["qc.s1"]; !ok {
		t.Fatal("the rating went before the question was answered")
	}
	tb = e.send(tb, kRunes("j"))
	if _, ok := e.sess().Participant("p2").QuickCheck["qc.s1"]; ok {
		t.Fatal("j did not remove the rating")
	}
	_ = tb
}

func TestWorkshopViewFits(t *testing.T) {
	e, tb := workshopEnv(t)
	for _, sz := range boxSizes {
		tb.SetSize(sz[0], sz[1])
		for _, id := range []string{rowAsPrefix + "p1", rowRankings, rowKeyPrefix + "bundesland", rowQuickPrefix + "qc.s1", rowAdd} {
			selectRow(t, tb, id)
			assertFits(t, id, tb.View(), sz[0], sz[1])
		}
	}
	_ = e
}

func TestPresenterView(t *testing.T) {
	e, _ := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Profile = richProfile.Clone()
		if err := s.SetParticipantAnswer("p1", "dauer", model.Answer{"befristet"}); err != nil {
			return err
		}
		return s.SetParticipantAnswer("p2", "dauer", model.Answer{"unbefristet"})
	}); err != nil {
		t.Fatal(err)
	}
	m, _ := newSessionModel(e.d, e.sess())
	m.SetSize(100, 30)
	m.Update(kRunes("p"))
	v := ansiStrip(m.View())
	assertFits(t, "present", v, 100, 30)
	top := model.Score(e.sess().Profile).Top()
	for _, want := range []string{"GEMEINSAME EMPFEHLUNG", "1.  " + modelName(top), "STRITTIG UND FESTGELEGT", "✓ Dauer:  auf Dauer", "AKTUELLE FRAGE", "Dauer  ≠ Dissens"} {
		if !strings.Contains(v, want) {
			t.Errorf("presenter view lacks %q:\n%s", want, v)
		}
	}
	m.Update(kRunes("p"))
	if strings.Contains(ansiStrip(m.View()), "GEMEINSAME EMPFEHLUNG") {
		t.Error("p did not leave the presenter view")
	}
}

func TestWorkshopNamedMunicipalitiesOneEnterAway(t *testing.T) {
	e, tb := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Municipalities = []string{"stadt lemgo", "Stadt Blomberg", "Gemeinde Kalletal", "Stadt Blomberg"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	var offered []string
	for _, r := range tb.(*workshopTab).list.rows {
		if n, ok := strings.CutPrefix(r.id, rowAddName); ok {
			offered = append(offered, n)
		}
	}
	// Lemgo takes part already (names compare without case); Blomberg
	// is offered once.
	if want := []string{"Stadt Blomberg", "Gemeinde Kalletal"}; !slices.Equal(offered, want) {
		t.Fatalf("offered = %v, want %v", offered, want)
	}
	selectRow(t, tb, rowAddName+"Gemeinde Kalletal")
	if v := plain(tb); !strings.Contains(v, "noch nicht dabei") || !strings.Contains(v, "Enter nimmt „Gemeinde Kalletal“") {
		t.Errorf("row or pane does not explain the offer:\n%s", v)
	}
	tb = e.send(tb, kEnter)
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	var names []string
	for _, p := range e.sess().Participants {
		names = append(names, p.Name)
	}
	if want := []string{"Stadt Lemgo", "Gemeinde Dörentrup", "Gemeinde Kalletal"}; !slices.Equal(names, want) {
		t.Fatalf("participants = %v, want %v", names, want)
	}
	if tb.(*workshopTab).list.selectID(rowAddName + "Gemeinde Kalletal") {
		t.Error("Kalletal is still offered after joining")
	}
}

// Whoever answers for a municipality gets the questions in catalogue
// order, starting at their first open one; the facilitator keeps the
// disputed ones first.
func TestWorkshopParticipantOrderAndStart(t *testing.T) {
	e, tb := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		for _, a := range []struct{ p, k, v string }{
			{"p1", "dauer", "befristet"}, {"p2", "dauer", "unbefristet"}, {"p1", "bundesland", "NW"}, {"p2", "bundesland", "NW"},
		} {
			if err := s.SetParticipantAnswer(a.p, a.k, model.Answer{a.v}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	keyRows := func() []string {
		var keys []string
		for _, r := range tb.(*workshopTab).list.rows {
			if k, ok := strings.CutPrefix(r.id, rowKeyPrefix); ok {
				keys = append(keys, k)
			}
		}
		return keys
	}
	if got := keyRows()[0]; got != "dauer" {
		t.Fatalf("facilitator's first key = %s, want the disputed dauer", got)
	}
	selectRow(t, tb, rowAsPrefix+"p1")
	tb = e.send(tb, kEnter)
	for i, k := range keyRows() {
		if k != model.ProfileQuestions[i].Key {
			t.Fatalf("participant's key %d = %s, want catalogue order (%s)", i, k, model.ProfileQuestions[i].Key)
		}
	}
	// Lemgo answered bundesland: her first open question is the second.
	if row, _ := tb.(*workshopTab).list.selected(); row.id != rowKeyPrefix+model.ProfileQuestions[1].Key {
		t.Errorf("after choosing Lemgo the cursor is on %q, want her first open question %s", row.id, model.ProfileQuestions[1].Key)
	}
	if v := plain(tb); !strings.Contains(v, "enter: beantworten als Stadt Lemgo") {
		t.Errorf("pane does not say whom the answers go to:\n%s", v)
	}
}

// M takes over every unanimous answer at once (facilitator only), saved in
// one go; what the facilitator already set stays.
func TestWorkshopAdoptAllUnanimous(t *testing.T) {
	e, tb := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		for _, p := range []string{"p1", "p2"} {
			for k, v := range map[string]string{"bundesland": "NW", "dauer": "befristet"} {
				if err := s.SetParticipantAnswer(p, k, model.Answer{v}); err != nil {
					return err
				}
			}
			if err := s.SetParticipantQuick(p, "qc.s1", model.StatusErledigt); err != nil {
				return err
			}
		}
		s.Profile["dauer"] = model.Answer{"unbefristet"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})

	// As a participant M does nothing.
	selectRow(t, tb, rowAsPrefix+"p1")
	tb = e.send(tb, kEnter, kRunes("M"))
	if _, ok := e.sess().Profile["bundesland"]; ok {
		t.Fatal("M as a participant set a joint answer")
	}
	selectRow(t, tb, rowAsPrefix)
	tb = e.send(tb, kEnter)
	if !strings.Contains(helpText(tb), "M alles Einstimmige übernehmen") {
		t.Errorf("M not offered to the facilitator: %q", helpText(tb))
	}
	tb = e.send(tb, kRunes("M"))
	s := e.sess()
	if got := s.Profile["bundesland"]; !slices.Equal(got, model.Answer{"NW"}) {
		t.Errorf("bundesland = %v, want the unanimous NW", got)
	}
	if got := s.Profile["dauer"]; !slices.Equal(got, model.Answer{"unbefristet"}) {
		t.Errorf("dauer = %v, want the facilitator's unbefristet kept", got)
	}
	if got := s.QuickCheck["qc.s1"].Status; got != model.StatusErledigt {
		t.Errorf("qc.s1 = %q, want erledigt", got)
	}
	if v := plain(tb); !strings.Contains(v, "2 einstimmige Antworten als") {
		t.Errorf("no word on what M did:\n%s", v)
	}
	if strings.Contains(helpText(tb), "M alles") {
		t.Error("M still offered with nothing left to adopt")
	}
}

// helpText is the tab's short help as "key desc · key desc".
func helpText(tb tab) string {
	var parts []string
	for _, k := range tb.KeyMap().ShortHelp() {
		parts = append(parts, k.Help().Key+" "+k.Help().Desc)
	}
	return strings.Join(parts, " · ")
}

// enter on "nebeneinander" shows the rankings over the whole tab, one row
// per municipality; esc leaves, other keys do nothing there.
func TestWorkshopWideRankings(t *testing.T) {
	e, tb := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		for _, n := range []string{"Gemeinde Kalletal", "Stadt Blomberg"} {
			if _, err := s.AddParticipant(n); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	tb.SetSize(100, 24)
	selectRow(t, tb, rowRankings)
	if v := plain(tb); !strings.Contains(v, "enter: über die ganze Breite") {
		t.Fatalf("the narrow pane should name the way to the wide view:\n%s", v)
	}
	tb = e.send(tb, kEnter, kDown, kRunes("a"))
	v := plain(tb)
	assertFits(t, "wide rankings", tb.View(), 100, 24)
	for _, want := range []string{"Stadt Lemgo", "Gemeinde Dörentrup", "Gemeinde Kalletal", "Stadt Blomberg", model.JointName} {
		if !strings.Contains(v, want) {
			t.Errorf("wide rankings lack the column %q:\n%s", want, v)
		}
	}
	if w := tb.(*workshopTab); w.edit != editNone || w.form != nil {
		t.Error("a key in the wide view acted on the list behind it")
	}
	if !tb.(escWanter).WantsEsc() {
		t.Error("esc would leave the session instead of the wide view")
	}
	tb = e.send(tb, kEsc)
	if strings.Contains(plain(tb), "esc oder enter: zurück zur Liste") {
		t.Error("esc did not close the wide view")
	}
}

// A participant of ikz serve gets only the Workshop tab, no Moderation row,
// and cannot set joint answers — not by answering before choosing a
// municipality, not with m or M.
func TestWorkshopParticipantRole(t *testing.T) {
	e, _ := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		for _, p := range []string{"p1", "p2"} {
			if err := s.SetParticipantAnswer(p, "bundesland", model.Answer{"NW"}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	d := e.d
	d.workshop, d.participant = true, true
	m, _ := newSessionModel(d, e.sess())
	m.SetSize(100, 30)
	if len(m.tabs) != 1 || !slices.Equal(m.tabNames(), []string{workshopTabName}) {
		t.Fatalf("participant tabs = %v, want only Workshop", m.tabNames())
	}
	tb := m.tabs[0]
	if tb.(*workshopTab).list.selectID(rowAsPrefix) {
		t.Error("a participant can choose Moderation")
	}
	if v := plain(tb); !strings.Contains(v, "antworten als: – Kommune wählen –") {
		t.Errorf("the heading does not ask for the municipality:\n%s", v)
	}
	selectRow(t, tb, rowKeyPrefix+"bundesland")
	for _, k := range []tea.Msg{kEnter, kRunes("m"), kRunes("M"), kSpace, kBackspace} {
		tb = e.send(tb, k)
		if tb.(*workshopTab).form != nil {
			t.Fatalf("%v opened the editor for the joint answer", k)
		}
	}
	if s := e.sess(); len(s.Profile) != 0 || len(s.QuickCheck) != 0 {
		t.Fatalf("a participant changed joint answers: %v %v", s.Profile, s.QuickCheck)
	}
	if v := plain(tb); !strings.Contains(v, "Bitte zuerst oben Ihre Kommune wählen") {
		t.Errorf("no word on what to do first:\n%s", v)
	}
	if row, _ := tb.(*workshopTab).list.selected(); row.id != rowAsPrefix+"p1" {
		t.Errorf("cursor on %q, want the first municipality", row.id)
	}
	// Once chosen, answers go to the municipality.
	e.send(tb, kEnter, kEnter, kDown, kEnter)
	if got := e.sess().Participant("p1").Profile["traeger"]; len(got) != 1 {
		t.Errorf("answer as Stadt Lemgo not stored: %v", e.sess().Participant("p1").Profile)
	}
	if len(e.sess().Profile) != 0 {
		t.Error("the answer went into the joint profile")
	}
}

// z and Z work for the facilitator and for a participant (its own
// answers, checked against its claim): both are told so.
func TestWorkshopUndoHintForBothRoles(t *testing.T) {
	for _, participant := range []bool{false, true} {
		e, _ := workshopEnv(t)
		d := e.d
		d.workshop, d.participant = true, participant
		m, _ := newSessionModel(d, e.sess())
		m.SetSize(160, 45)
		m.fullHelp = true
		v := ansi.Strip(m.View())
		for _, hint := range []string{"z nimmt zurück", "Z stellt wieder her", "rückgängig", "enter speichert · esc bricht ab"} {
			if !strings.Contains(v, hint) {
				t.Errorf("participant=%v: %q not shown\n%s", participant, hint, v)
			}
		}
	}
}

// Browse + esc, enter, wrap-around, q and z/Z in the Workshop tab's
// editors: the table of contract_test.go (workshopContractCases).

// A municipality that has answered nothing has no ranking of its own: its
// row says so and it is not counted as "vorn" for a model (the empty
// profile's tie read as a vote for the informal cooperation).
func TestWorkshopRankingsWithoutAnswers(t *testing.T) {
	e, tb := workshopEnv(t)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Participants[0].Profile = model.Profile{"zustaendigkeit": {"abgeben"}, "umfang": {"gesamtbetrieb"}, "neue_rechtsperson": {"ja"}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{e.sess()})
	tb.SetSize(120, 30)
	selectRow(t, tb, rowRankings)
	v := plain(tb)
	lemgo, _ := model.Score(e.sess().Participants[0].Profile).Leader()
	var doerentrup string
	for _, line := range strings.Split(v, "\n") {
		if i := strings.LastIndex(line, "Gemeinde Döre"); i >= 0 && strings.Contains(line[i:], noAnswersYet) {
			doerentrup = line[i:]
		}
	}
	if !strings.Contains(doerentrup, noAnswersYet) {
		t.Errorf("the row of a municipality without answers: %q\n%s", doerentrup, v)
	}
	if want := "Vorn bei den Kommunen: " + modelName(lemgo) + " 1"; !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
		t.Errorf("want %q (Dörentrup not counted):\n%s", want, v)
	}
	if !strings.Contains(v, "Spitze: "+modelShort(lemgo)) || strings.Contains(v, "Spitze: "+modelShort(lemgo)+" ·") {
		t.Errorf("the Rangfolgen row should name only Lemgo's leader %s:\n%s", modelShort(lemgo), v)
	}
}

// Stacked at 80 columns the list keeps the lines the spread below does not
// need (it was cut to a third: one question visible for a participant).
func TestWorkshopNarrowListUsesSpareLines(t *testing.T) {
	e, tb := workshopEnv(t)
	tb.SetSize(80, 20)
	selectRow(t, tb, rowKeyPrefix+"bundesland")
	tb = e.send(tb, kDown)
	v := plain(tb)
	top := strings.Split(v, "────")[0]
	questions := 0
	for _, line := range strings.Split(top, "\n") {
		if strings.Contains(line, "ausstehend") || strings.Contains(line, "Profil") && strings.Contains(line, "◇") {
			questions++
		}
	}
	if questions < 3 {
		t.Errorf("only %d questions visible above a short spread at 80x20:\n%s", questions, v)
	}
	assertFits(t, "narrow workshop", tb.View(), 80, 20)
}
