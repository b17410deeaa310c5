package ui

import (
	"encoding/json"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// The editing contract (editlist.go), checked over every editing tab and
// every kind of editor: moving never changes data, esc restores, enter
// commits, wrapping round never clears, q in an editor does not quit, and
// z/Z take a change back and make it again.

// contractSession has a value in every slot the cases edit, so that a
// cleared or changed value shows.
func contractSession() *model.Session {
	return &model.Session{
		Title: "Vertrag", Traeger: "Kreis Test",
		Profile: model.Profile{"bundesland": {"NW"}, "ziele": {"wirtschaftlichkeit"}, "partner_anzahl": {"4"},
			"leistungskraft": {"mittel"}},
		Notes:      map[string]string{"s.bedarf.aufgaben": "Support", "r.ziele.konkret": "AöR prüfen", "v.bewertung.ziele": "jährlich"},
		QuickCheck: map[string]model.QuickEntry{"qc.s2": {Status: model.StatusInArbeit, Note: "Beschluss"}},
		Efficiency: &model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 80000},
		Costs: &model.CostSharing{Years: 5, StaffFTE: 2, StaffRate: 70000, Partners: []model.CostPartner{
			{Name: "Kreis Test", Schools: 9, PersonnelNow: 120000}, {Name: "Gemeinde A", Schools: 2, PersonnelNow: 40000},
			{Name: "Stadt Lemgo", Schools: 3, PersonnelNow: 50000}}},
		// A workshop: a municipality with an answer, a multiple choice and
		// a comment; a reason for the joint answer.
		Participants: []model.Participant{
			{ID: "p1", Name: "Stadt Lemgo", Profile: model.Profile{"bundesland": {"NW"}, "ziele": {"servicequalitaet"}},
				Comments: map[string]string{"bundesland": "Sitz der Verwaltung"}},
			{ID: "p2", Name: "Gemeinde Dörentrup", Profile: model.Profile{"bundesland": {"NW"}}},
		},
		Workshop: &model.WorkshopState{Reasons: map[string]string{"bundesland": "wie alle"}},
	}
}

// contractState is everything an editing tab can change.
func contractState(t *testing.T, s *model.Session) string {
	t.Helper()
	b, err := json.Marshal([]any{s.Profile, s.Notes, s.QuickCheck, s.Efficiency, s.Measures, s.Decisions, s.Costs, s.Participants, s.Workshop})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type contractCase struct {
	name  string
	tab   func(e *tabEnv) tab
	row   string
	slot  model.Field
	edit  []tea.Msg // changes the draft
	moves []tea.Msg // only moves inside the editor (wraps round in selects)
	// key is the slot's key when it is not row (a municipality's answer).
	key string
	// open opens the editor (enter when nil).
	open tea.Msg
	// noClear: the row has nothing to clear with Entf.
	noClear bool
}

func contractCases() []contractCase {
	profile := func(e *tabEnv) tab { return newTestProfileTab(e, 100, 24) }
	phase := func(p model.PhaseID) func(e *tabEnv) tab {
		return func(e *tabEnv) tab { return newTestPhaseTab(e, p, 100, 24) }
	}
	eff := func(e *tabEnv) tab { return newTestEfficiencyTab(e, 100, 24) }
	costs := func(e *tabEnv) tab { return newTestCostsTab(e, 100, 24) }
	downs := repeat(kDown, 40)
	cursor := []tea.Msg{kLeft, kRight, kUp, kDown}
	return append([]contractCase{
		{name: "Profil select", tab: profile, row: "bundesland", slot: model.FieldAnswer, edit: []tea.Msg{kDown}, moves: downs},
		{name: "Profil select short", tab: profile, row: "leistungskraft", slot: model.FieldAnswer, edit: []tea.Msg{kUp}, moves: downs},
		{name: "Profil multi", tab: profile, row: "ziele", slot: model.FieldAnswer, edit: []tea.Msg{kRunes("x"), kDown, kRunes("x")}, moves: downs},
		{name: "Profil number", tab: profile, row: "partner_anzahl", slot: model.FieldAnswer, edit: []tea.Msg{kRunes("2")}, moves: cursor},
		{name: "Sondierung note", tab: phase(model.PhaseSondierung), row: "s.bedarf.aufgaben", slot: model.FieldNote, edit: typed(" und mehr"), moves: append([]tea.Msg{kUp}, downs...)},
		{name: "Sondierung quick", tab: phase(model.PhaseSondierung), row: "qc.s2", slot: model.FieldQuick, edit: []tea.Msg{kRight, kEnter}, moves: repeat(kRight, 9)},
		{name: "Realisierung note", tab: phase(model.PhaseRealisierung), row: "r.ziele.konkret", slot: model.FieldNote, edit: typed("!"), moves: downs},
		{name: "Verstetigung note", tab: phase(model.PhaseVerstetigung), row: "v.bewertung.ziele", slot: model.FieldNote, edit: []tea.Msg{kBackspace}, moves: downs},
		{name: "Wirtschaftlichkeit", tab: eff, row: "personnel_now", slot: model.FieldEfficiency, edit: typed(",5"), moves: cursor},
		{name: "Kostenverteilung", tab: costs, row: "staff_rate", slot: model.FieldCosts, edit: typed(",5"), moves: cursor},
	}, workshopContractCases()...)
}

// workshopContractCases are the editors of the Workshop tab: a
// municipality's answers and comment, the joint answer and its reason,
// a municipality's name, and a participant's own cost row (opened with e).
func workshopContractCases() []contractCase {
	as := func(pid string) func(e *tabEnv) tab {
		return func(e *tabEnv) tab {
			w := newWorkshopTab(e.d, e.sess())
			w.SetSize(100, 24)
			w.people = true
			w.refresh()
			w.chooseAs(pid)
			return w
		}
	}
	own := func(e *tabEnv) tab {
		w := as("p1")(e).(*workshopTab)
		w.openCosts()
		if w.costs == nil {
			e.t.Fatal("the own cost figures did not open")
		}
		return w.costs
	}
	downs := repeat(kDown, 40)
	cursor := []tea.Msg{kLeft, kRight, kUp, kDown}
	comment := kRunes("c")
	return []contractCase{
		{name: "Workshop Antwort einer Kommune", tab: as("p1"), row: rowKeyPrefix + "bundesland", key: "p1/bundesland",
			slot: model.FieldParticipantAnswer, edit: []tea.Msg{kDown}, moves: downs},
		{name: "Workshop Mehrfachauswahl einer Kommune", tab: as("p1"), row: rowKeyPrefix + "ziele", key: "p1/ziele",
			slot: model.FieldParticipantAnswer, edit: []tea.Msg{kUp, kRunes("x")}, moves: downs},
		{name: "Workshop gemeinsame Antwort", tab: as(""), row: rowKeyPrefix + "bundesland", key: "bundesland",
			slot: model.FieldAnswer, edit: []tea.Msg{kDown}, moves: downs},
		{name: "Workshop Kommentar", tab: as("p1"), row: rowKeyPrefix + "bundesland", key: "p1/bundesland", open: comment,
			slot: model.FieldParticipantComment, edit: typed(" und Schulamt"), moves: cursor},
		{name: "Workshop Begründung", tab: as(""), row: rowKeyPrefix + "bundesland", key: "bundesland", open: comment,
			slot: model.FieldReason, edit: typed("!"), moves: cursor},
		{name: "Workshop Name einer Kommune", tab: as(""), row: rowAsPrefix + "p1", key: "p1", open: kRunes("r"),
			slot: model.FieldParticipantName, edit: typed(" Nord"), moves: cursor, noClear: true},
		{name: "Workshop eigene Kostenzahlen", tab: own, row: "p_schools", key: "Stadt Lemgo",
			slot: model.FieldCostPartner, edit: typed("1"), moves: cursor},
	}
}

func contractRow(t *testing.T, tb tab, id string) {
	t.Helper()
	var l *itemList
	switch x := tb.(type) {
	case *profileTab:
		l = &x.ed.list
	case *phaseTab:
		l = &x.ed.list
	case *efficiencyTab:
		l = &x.ed.list
	case *costsTab:
		if x.own == "" {
			x.partner = -1 // the overview, where the rows of the cases are
			x.refreshRows()
		}
		l = &x.ed.list
	case *workshopTab:
		l = &x.list
	}
	if l == nil || !l.selectID(id) {
		t.Fatalf("%T: row %q not found", tb, id)
	}
}

func TestEditingContract(t *testing.T) {
	for _, c := range contractCases() {
		t.Run(c.name, func(t *testing.T) {
			e := newContractEnv(t)
			before := contractState(t, e.sess())
			tb := c.tab(e)

			// Browsing the list changes nothing.
			tb = e.send(tb, kDown, kUp, kDown, kDown)
			contractRow(t, tb, c.row)

			open := c.open
			if open == nil {
				open = kEnter
			}

			// Browse inside the editor, then esc: unchanged.
			tb = e.send(tb, open)
			if !tb.Capturing() {
				t.Fatal("an open editor must have the keyboard")
			}
			tb = e.send(tb, c.moves...)
			tb = e.send(tb, c.edit...)
			tb = e.send(tb, kEsc)
			if got := contractState(t, e.sess()); got != before || e.saves != 0 {
				t.Fatalf("browse + esc changed the session (%d saves):\n%s\nwant\n%s", e.saves, got, before)
			}
			if tb.(escWanter).WantsEsc() {
				t.Fatal("esc did not close the editor")
			}

			// q inside the editor is the editor's: the screen does not get it.
			contractRow(t, tb, c.row)
			tb = e.send(tb, open, kRunes("q"))
			if !tb.Capturing() {
				t.Error("after q the editor no longer has the keyboard: the app would quit")
			}
			tb = e.send(tb, kEsc)

			// Wrapping round and enter never clears the value.
			contractRow(t, tb, c.row)
			tb = e.send(tb, open)
			tb = e.send(tb, c.moves...)
			tb = e.send(tb, kEnter)
			if tb.(escWanter).WantsEsc() {
				tb = e.send(tb, kEsc) // a refused draft (a number moved off) is cancelled
			}
			key := c.row
			switch {
			case c.key != "":
				key = c.key
			case c.slot == model.FieldEfficiency || c.slot == model.FieldCosts:
				key = ""
			}
			if v, _ := model.Slot(e.sess(), c.slot, key); !v.Set {
				t.Fatalf("wrapping round cleared %s", c.row)
			}
			restore := contractState(t, e.sess())

			// Enter commits.
			contractRow(t, tb, c.row)
			tb = e.send(tb, open)
			tb = e.send(tb, c.edit...)
			tb = e.send(tb, kEnter)
			changed := contractState(t, e.sess())
			if changed == restore {
				t.Fatalf("enter did not store the edit of %s", c.row)
			}

			// z takes it back, Z makes it again.
			tb = e.settle(tb, e.run(tb, e.d.changes.undo()))
			if got := contractState(t, e.sess()); got != restore {
				t.Errorf("undo:\n%s\nwant\n%s", got, restore)
			}
			e.settle(tb, e.run(tb, e.d.changes.redo()))
			if got := contractState(t, e.sess()); got != changed {
				t.Errorf("redo:\n%s\nwant\n%s", got, changed)
			}
		})
	}
}

func newContractEnv(t *testing.T) *tabEnv {
	e := rvEnv(t, contractSession())
	return e
}

// Clearing is its own action and asks first; n keeps the value.
func TestEditingContractClearAsks(t *testing.T) {
	for _, c := range contractCases() {
		if c.noClear {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			e := newContractEnv(t)
			before := contractState(t, e.sess())
			tb := c.tab(e)
			contractRow(t, tb, c.row)
			tb = e.send(tb, kDelete)
			if !tb.Capturing() {
				t.Fatal("Entf did not ask")
			}
			tb = e.send(tb, kRunes("q"), kRunes("n"))
			if got := contractState(t, e.sess()); got != before {
				t.Fatalf("answering the question with n changed the session")
			}
			tb = e.send(tb, kDelete, kRunes("j"))
			if got := contractState(t, e.sess()); got == before {
				t.Fatalf("j did not clear %s", c.row)
			}
			e.settle(tb, e.run(tb, e.d.changes.undo()))
			if got := contractState(t, e.sess()); got != before {
				t.Errorf("undo of the clearing:\n%s\nwant\n%s", got, before)
			}
		})
	}
}

// Twenty-five changes in a row can all be taken back, last first.
func TestUndoTwentySteps(t *testing.T) {
	e := newContractEnv(t)
	before := contractState(t, e.sess())
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	contractRow(t, tb, "qc.s2")
	for range 25 {
		tb = e.send(tb, kSpace)
	}
	for range 25 {
		tb = e.settle(tb, e.run(tb, e.d.changes.undo()))
	}
	if got := contractState(t, e.sess()); got != before {
		t.Errorf("25 undos:\n%s\nwant\n%s", got, before)
	}
}

// The same contract for the form tabs: a measure, the decision and a
// review. Opening, typing and esc change nothing stored (a draft may
// remain); q inside the form is the form's; the explicit last step stores
// one change, and z takes a measure back.
func TestEditingContractForms(t *testing.T) {
	cases := []struct {
		name   string
		tab    func(e *tabEnv) tab
		open   []tea.Msg
		edit   []tea.Msg
		commit []tea.Msg
		undo   bool // z takes it back (decisions and reviews are records)
	}{
		{"Maßnahme", func(e *tabEnv) tab { return newTestMeasuresTab(e, 100, 24) },
			[]tea.Msg{kRunes("e")}, typed(" (neu)"), repeat(kEnter, 6), true},
		{"Entscheidung", func(e *tabEnv) tab {
			tb := newTestRecommendTab(e, 100, 24)
			tb.(*recommendTab).list.selectID(rowDecision)
			return tb
		}, []tea.Msg{kEnter}, append([]tea.Msg{kEnter}, typed("Passt")...),
			[]tea.Msg{kEnter, kEnter, kRunes("Kreistag"), kEnter, kEnter, kEnter, kRunes("j")}, false},
		{"Review", func(e *tabEnv) tab { return newTestReviewTab(e, 100, 24) },
			[]tea.Msg{kRunes("R")}, append([]tea.Msg{kEnter}, typed("Landrätin")...),
			repeat(kEnter, 6), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sess := contractSession()
			sess.Measures = rvMeasures()[:1]
			e := rvEnv(t, sess)
			before := contractState(t, e.sess()) + reviewsOf(e.sess())
			tb := c.tab(e)
			tb = e.send(tb, c.open...)
			if !tb.Capturing() {
				t.Fatal("the open form must have the keyboard")
			}
			tb = e.send(tb, c.edit...)
			tb = e.send(tb, kRunes("q"))
			if !tb.Capturing() {
				t.Fatal("q closed the form: the app would quit")
			}
			tb = e.send(tb, kEsc)
			if got := contractState(t, e.sess()) + reviewsOf(e.sess()); got != before {
				t.Fatalf("typing and esc stored something:\n%s\nwant\n%s", got, before)
			}
			tb = e.send(tb, c.open...)
			tb = e.send(tb, c.commit...)
			changed := contractState(t, e.sess()) + reviewsOf(e.sess())
			if changed == before {
				t.Fatalf("the last step stored nothing")
			}
			e.settle(tb, e.run(tb, e.d.changes.undo()))
			got := contractState(t, e.sess()) + reviewsOf(e.sess())
			switch {
			case c.undo && got != before:
				t.Errorf("z did not restore:\n%s\nwant\n%s", got, before)
			case !c.undo && got != changed:
				t.Errorf("z took back a record (%s)", c.name)
			}
		})
	}
}

func reviewsOf(s *model.Session) string {
	b, _ := json.Marshal(s.Reviews)
	return string(b)
}
