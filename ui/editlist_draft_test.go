package ui

import (
	"encoding/json"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
)

// The draft of an open row editor (editlist_draft.go), on a real store:
// typed into, left without enter or esc (as a killed process leaves it),
// and the tab built again from the file (as after a restart).

const noteText = "Support an 38 Schulen, Beschaffung"

// noteDraftKey is where the phase tab keeps the draft of question id.
func noteDraftKey(e *tabEnv, id string) string {
	return e.id + "/rows/phase-" + string(model.PhaseSondierung) + "/" + id
}

// storedRowDraft is the value of the draft under key ("" with ok false:
// none).
func storedRowDraft(t testing.TB, e *tabEnv, key string) (string, bool) {
	t.Helper()
	data, err := e.st.Draft(key)
	if err != nil {
		t.Fatal(err)
	}
	if data == nil {
		return "", false
	}
	var d rowDraft
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("draft %s: %v", key, err)
	}
	if d.At.IsZero() {
		t.Errorf("draft %s has no time", key)
	}
	return string(d.Value), true
}

// typeNoteAndLeave opens the first question of Sondierung, types text and
// returns without enter or esc: what a kill -9 leaves behind.
func typeNoteAndLeave(t *testing.T, e *tabEnv, text string) string {
	t.Helper()
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	id := selectedID(tb)
	tb = e.send(tb, kEnter)
	tb = e.send(tb, typed(text)...)
	if !tb.Capturing() {
		t.Fatal("the note editor closed while typing")
	}
	got, ok := storedRowDraft(t, e, noteDraftKey(e, id))
	want, _ := json.Marshal(text)
	if !ok || got != string(want) {
		t.Fatalf("draft in the store %q, want %s", got, want)
	}
	if n, ok := e.sess().Notes[id]; ok {
		t.Fatalf("note stored before enter: %q", n)
	}
	return id
}

// reopen builds the tab anew (a restart) and opens the row id.
func reopen(t *testing.T, e *tabEnv, id string) tab {
	t.Helper()
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	row := rowLine(id, tb)
	if !strings.Contains(row, markDraft) || !strings.Contains(row, "Entwurf") {
		t.Errorf("after the restart the row does not show its draft: %q", row)
	}
	tb.(*phaseTab).ed.list.selectID(id)
	if v := plain(tb); !strings.Contains(v, "✎ Entwurf von 10:00 – enter setzt ihn fort") {
		t.Errorf("the preview of the row does not say that its draft waits:\n%s", v)
	}
	return e.send(tb, kEnter)
}

// rowLine is the line of the list that shows the question id.
func rowLine(id string, tb tab) string {
	x := tb.(*phaseTab)
	q, _ := x.question(id)
	label := []rune(q.Text)
	list := ansi.Strip(x.ed.list.view(x.d.styles, 60, 60, true))
	for _, l := range strings.Split(list, "\n") {
		if strings.Contains(l, string(label[:20])) {
			return l
		}
	}
	return ""
}

func TestNoteDraftRestoredAfterRestart(t *testing.T) {
	e := newTabEnv(t, nil)
	id := typeNoteAndLeave(t, e, noteText)
	tb := reopen(t, e, id)
	v := plain(tb)
	if !strings.Contains(v, noteText) {
		t.Errorf("the reopened editor lacks the draft:\n%s", v)
	}
	if !strings.Contains(v, "Entwurf von 10:00 wiederhergestellt – enter") || !strings.Contains(v, "esc verwirft") {
		t.Errorf("no line tells that a draft was restored:\n%s", v)
	}
	assertFits(t, "restored editor", tb.View(), 100, 24)
	// Typing on writes the draft on.
	e.send(tb, typed(" und Ausleihe")...)
	if got, _ := storedRowDraft(t, e, noteDraftKey(e, id)); got != `"`+noteText+` und Ausleihe"` {
		t.Errorf("draft after typing on: %s", got)
	}
}

func TestNoteDraftEnterCommitsAndClears(t *testing.T) {
	e := newTabEnv(t, nil)
	id := typeNoteAndLeave(t, e, noteText)
	tb := reopen(t, e, id)
	tb = e.send(tb, kEnter)
	if got := e.sess().Notes[id]; got != noteText {
		t.Fatalf("stored note %q after enter, want %q", got, noteText)
	}
	if got, ok := storedRowDraft(t, e, noteDraftKey(e, id)); ok {
		t.Errorf("the draft stays after enter: %s", got)
	}
	if row := rowLine(id, tb); strings.Contains(row, "Entwurf") || !strings.Contains(row, markDone) {
		t.Errorf("after enter the row reads %q, want ✓ and no draft", row)
	}
	// Undoable like every change.
	e.settle(tb, e.run(tb, e.d.changes.undo()))
	if got, ok := e.sess().Notes[id]; ok && got != "" {
		t.Errorf("z left the note %q", got)
	}
	if _, ok := storedRowDraft(t, e, noteDraftKey(e, id)); ok {
		t.Error("undo brought a draft back")
	}
}

func TestNoteDraftEscRestoresStoredValueAndClears(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	id := selectedID(tb)
	tb = e.send(tb, kEnter)
	tb = e.send(tb, typed("Bisher: eine Stelle")...)
	tb = e.send(tb, kEnter) // stored
	id2 := selectedID(tb)
	if id2 == id {
		t.Fatal("enter did not move on")
	}
	tb = e.send(tb, kUp, kEnter)
	e.send(tb, typed(", dazu "+noteText)...)
	if _, ok := storedRowDraft(t, e, noteDraftKey(e, id)); !ok {
		t.Fatal("no draft while the note differs from the stored one")
	}
	// restart, reopen, esc
	tb = reopen(t, e, id)
	if !strings.Contains(plain(tb), "Bisher: eine Stelle, dazu Support") {
		t.Fatalf("draft not restored:\n%s", plain(tb))
	}
	tb = e.send(tb, kEsc)
	if tb.Capturing() {
		t.Fatal("esc did not close the editor")
	}
	if got := e.sess().Notes[id]; got != "Bisher: eine Stelle" {
		t.Errorf("esc changed the stored note to %q", got)
	}
	if got, ok := storedRowDraft(t, e, noteDraftKey(e, id)); ok {
		t.Errorf("the draft stays after esc: %s", got)
	}
	if row := rowLine(id, tb); strings.Contains(row, "Entwurf") {
		t.Errorf("after esc the row still shows a draft: %q", row)
	}
	// Opened again: the stored value, no restore line.
	tb = e.send(tb, kEnter)
	v := plain(tb)
	if strings.Contains(v, "dazu") || strings.Contains(v, "wiederhergestellt") {
		t.Errorf("esc'd draft comes back:\n%s", v)
	}
}

// Typing back to the stored value leaves no draft (and no mark).
func TestNoteDraftGoneWhenBackAtStoredValue(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	id := selectedID(tb)
	tb = e.send(tb, kEnter)
	tb = e.send(tb, typed("abc")...)
	if _, ok := storedRowDraft(t, e, noteDraftKey(e, id)); !ok {
		t.Fatal("no draft")
	}
	tb = e.send(tb, repeat(kBackspace, 3)...)
	if got, ok := storedRowDraft(t, e, noteDraftKey(e, id)); ok {
		t.Errorf("draft %s although the note is as stored", got)
	}
	if tb.(*phaseTab).ed.list.drafted[id] {
		t.Error("the row is still marked")
	}
}

// A note that another connection changed meanwhile is not stored on
// enter (conflict.go): its draft stays, so the text is still there.
func TestNoteDraftKeptWhenEnterIsNotStored(t *testing.T) {
	e := newTabEnv(t, nil)
	e.t = quietErrors{t}
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 24)
	id := selectedID(tb)
	tb = e.send(tb, kEnter)
	tb = e.send(tb, typed(noteText)...)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		if s.Notes == nil {
			s.Notes = map[string]string{}
		}
		s.Notes[id] = "die Fassung der anderen"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, kEnter)
	if got := e.sess().Notes[id]; got != "die Fassung der anderen" {
		t.Fatalf("stored note %q: the conflicting change went through", got)
	}
	if got, ok := storedRowDraft(t, e, noteDraftKey(e, id)); !ok || got != `"`+noteText+`"` {
		t.Errorf("the typed text is gone: draft %q", got)
	}
	if !tb.(*phaseTab).ed.list.drafted[id] {
		t.Error("the row does not show that its draft waits")
	}
}

// quietErrors lets a test expect errMsgs (tabEnv fails on them).
type quietErrors struct{ *testing.T }

func (quietErrors) Errorf(string, ...any) {}

// The same component keeps the drafts of quick-check notes, profile
// numbers and Wirtschaftlichkeit numbers.
func TestRowDraftsOtherEditors(t *testing.T) {
	sond, _ := model.PhaseByID(model.PhaseSondierung)
	item := sond.QuickItems[0].ID
	cases := []struct {
		name   string
		newTab func(e *tabEnv) tab
		row    string
		keys   []tea.Msg
		want   string // in the reopened editor
	}{
		{"quick-check note", func(e *tabEnv) tab { return newTestPhaseTab(e, model.PhaseSondierung, 100, 30) },
			item, append([]tea.Msg{kRight, kEnter}, typed("Rahmenvertrag liegt vor")...), "Rahmenvertrag liegt vor"},
		{"profile number", func(e *tabEnv) tab { tb := newProfileTab(e.d, e.sess()); tb.SetSize(100, 30); return tb },
			"partner_anzahl", typed("7"), "7"},
		{"efficiency number", func(e *tabEnv) tab { return newTestEfficiencyTab(e, 100, 30) },
			"personnel_now", typed("186.000"), "186.000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newTabEnv(t, nil)
			tb := c.newTab(e)
			selectDraftRow(t, tb, c.row)
			tb = e.send(tb, kEnter)
			e.send(tb, c.keys...)
			tb = c.newTab(e) // restart
			if !strings.Contains(plain(tb), "Entwurf") {
				t.Errorf("no row shows the draft:\n%s", plain(tb))
			}
			selectDraftRow(t, tb, c.row)
			tb = e.send(tb, kEnter)
			v := plain(tb)
			if !strings.Contains(v, c.want) || !strings.Contains(v, "wiederhergestellt") {
				t.Errorf("reopened editor lacks the draft %q:\n%s", c.want, v)
			}
			tb = e.send(tb, kEsc)
			if strings.Contains(plain(tb), "Entwurf") {
				t.Errorf("esc left the draft:\n%s", plain(tb))
			}
		})
	}
}

func selectDraftRow(t *testing.T, tb tab, id string) {
	t.Helper()
	var l *itemList
	switch x := tb.(type) {
	case *phaseTab:
		l = &x.ed.list
	case *profileTab:
		l = &x.ed.list
	case *efficiencyTab:
		l = &x.ed.list
	}
	if l == nil || !l.selectID(id) {
		t.Fatalf("no row %q", id)
	}
}

// Moving through the options of a single choice is browsing: it leaves
// no draft (and a draft an older version left there goes on opening).
func TestChoiceBrowsingLeavesNoDraft(t *testing.T) {
	e := newTabEnv(t, nil)
	stale := e.id + "/rows/profil/bundesland"
	if err := e.st.PutDraft(stale, []byte(`{"at":"2026-11-21T09:00:00Z","value":{"Choice":"BY"}}`)); err != nil {
		t.Fatal(err)
	}
	tb := newProfileTab(e.d, e.sess())
	tb.SetSize(100, 30)
	selectDraftRow(t, tb, "bundesland")
	if !strings.Contains(plain(tb), "Entwurf") {
		t.Fatalf("the stale draft is not shown:\n%s", plain(tb))
	}
	tb = e.send(tb, kEnter, kDown, kDown, kDown)
	if keys, _ := e.st.DraftKeys(e.id + "/"); len(keys) != 0 {
		t.Errorf("browsing left drafts %q", keys)
	}
	tb = e.send(tb, kEsc)
	if v := plain(tb); strings.Contains(v, "Entwurf") {
		t.Errorf("the row is still marked:\n%s", v)
	}
	if _, ok := e.sess().Profile["bundesland"]; ok {
		t.Error("browsing answered")
	}
}

// Drafts as they may be found in a file: from an earlier day, without a
// time, not fitting the editor (an older version), gone meanwhile.
func TestNoteDraftFoundInTheFile(t *testing.T) {
	cases := []struct {
		name, draft  string // "" : the mark is there, the draft not
		editor, line string
	}{
		{"earlier day", `{"at":"2026-11-20T09:00:00Z","value":"Vom Vortag"}`, "Vom Vortag", "Entwurf vom 20.11.2026, 09:00 wiederhergestellt"},
		{"no time", `{"value":"Ohne Zeit"}`, "Ohne Zeit", "Entwurf wiederhergestellt – enter"},
		{"does not fit", `{"at":"2026-11-21T09:00:00Z","value":42}`, "Gespeichert", ""},
		{"gone meanwhile", "", "Gespeichert", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newTabEnv(t, nil)
			p, _ := model.PhaseByID(model.PhaseSondierung)
			id := p.Groups[0].Questions[0].ID
			if _, err := e.st.Update(e.id, func(s *model.Session) error {
				s.Notes = map[string]string{id: "Gespeichert"}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			key := noteDraftKey(e, id)
			draft := c.draft
			if draft == "" {
				draft = `{"at":"2026-11-21T09:00:00Z","value":"gleich weg"}`
			}
			if err := e.st.PutDraft(key, []byte(draft)); err != nil {
				t.Fatal(err)
			}
			tb := newTestPhaseTab(e, model.PhaseSondierung, 160, 30) // the line unwrapped
			if c.draft == "" {
				if err := e.st.DeleteDraft(key); err != nil {
					t.Fatal(err)
				}
			}
			if !tb.(*phaseTab).ed.list.drafted[id] {
				t.Fatal("the row is not marked")
			}
			tb = e.send(tb, kEnter)
			v := plain(tb)
			if !strings.Contains(v, c.editor) {
				t.Errorf("the editor lacks %q:\n%s", c.editor, v)
			}
			if c.line != "" && !strings.Contains(v, c.line) {
				t.Errorf("no line %q:\n%s", c.line, v)
			}
			if c.line == "" && strings.Contains(v, "wiederhergestellt") {
				t.Errorf("a restore line without a restored draft:\n%s", v)
			}
			tb = e.send(tb, kEsc)
			if tb.(*phaseTab).ed.list.drafted[id] {
				t.Error("the mark stays after esc")
			}
			if _, ok := storedRowDraftRaw(t, e, key); ok {
				t.Error("the draft stays after esc")
			}
			if got := e.sess().Notes[id]; got != "Gespeichert" {
				t.Errorf("the stored note became %q", got)
			}
		})
	}
}

func storedRowDraftRaw(t testing.TB, e *tabEnv, key string) ([]byte, bool) {
	t.Helper()
	data, err := e.st.Draft(key)
	if err != nil {
		t.Fatal(err)
	}
	return data, data != nil
}
