package ui

import (
	"strings"
	"testing"

	"ikz/model"
)

func newTestProfileTab(e *tabEnv, w, h int) tab {
	tb := newProfileTab(e.d, e.sess())
	tb.SetSize(w, h)
	return tb
}

func selectedID(tb tab) string {
	var l *itemList
	switch x := tb.(type) {
	case *profileTab:
		l = &x.ed.list
	case *phaseTab:
		l = &x.ed.list
	case *recommendTab:
		l = &x.list
	}
	r, _ := l.selected()
	return r.id
}

func TestProfileTabMovesWithoutAnswering(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestProfileTab(e, 100, 22)
	if got := selectedID(tb); got != "bundesland" {
		t.Fatalf("cursor starts on %q, want bundesland", got)
	}
	tb = e.send(tb, kDown, kDown, kRunes("j"))
	if got, want := selectedID(tb), model.ProfileQuestions[3].Key; got != want {
		t.Errorf("after three downs on %q, want %q", got, want)
	}
	tb = e.send(tb, kUp, kRunes("k"), kUp, kUp) // the heading is not selectable
	if got := selectedID(tb); got != "bundesland" {
		t.Errorf("up past the top lands on %q, want bundesland", got)
	}
	tb = e.send(tb, kEnter, kEsc)
	if w := tb.(escWanter); w.WantsEsc() {
		t.Error("esc did not close the editor")
	}
	if len(e.sess().Profile) != 0 || e.saves != 0 {
		t.Errorf("moving and opening saved something: %v (%d saves)", e.sess().Profile, e.saves)
	}
}

func TestProfileTabSelectCommitsOnEnter(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestProfileTab(e, 100, 22)
	tb = e.send(tb, kEnter)
	if !tb.(escWanter).WantsEsc() || !tb.Capturing() {
		t.Fatalf("select editor: WantsEsc %v, Capturing %v; want both (q must not quit)", tb.(escWanter).WantsEsc(), tb.Capturing())
	}
	tb = e.send(tb, repeat(kDown, 9)...) // BW … NW
	if got, ok := e.sess().Profile["bundesland"]; ok {
		t.Fatalf("moving stored bundesland = %v before enter", got)
	}
	tb = e.send(tb, kEnter)
	if got := e.sess().Profile["bundesland"]; len(got) != 1 || got[0] != "NW" {
		t.Fatalf("stored bundesland = %v after enter, want NW", got)
	}
	if tb.(escWanter).WantsEsc() {
		t.Error("enter did not close the editor")
	}
	if got := selectedID(tb); got != "traeger" {
		t.Errorf("after enter the cursor is on %q, want the next question", got)
	}
	if !strings.Contains(plain(tb), "Nordrhein-Westfalen") {
		t.Errorf("the list does not show the answer:\n%s", plain(tb))
	}
	// Browsing all the way round and esc leaves the answer as it was.
	tb = e.send(tb, kUp, kEnter)
	tb = e.send(tb, repeat(kDown, 40)...)
	e.send(tb, kEsc)
	if got := e.sess().Profile["bundesland"]; len(got) != 1 || got[0] != "NW" {
		t.Errorf("browse + esc changed bundesland to %v", got)
	}
}

func TestProfileTabNumberValidates(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestProfileTab(e, 78, 16)
	if !tb.(*profileTab).ed.list.selectID("partner_anzahl") {
		t.Fatal("partner_anzahl not in the list")
	}
	tb = e.send(tb, kEnter)
	if !tb.Capturing() {
		t.Fatal("a number input must capture the keyboard")
	}
	tb = e.send(tb, kRunes("1"))
	if !strings.Contains(plain(tb), "Bitte eine ganze Zahl ab 2 eingeben") {
		t.Errorf("no German hint for 1:\n%s", plain(tb))
	}
	tb = e.send(tb, kEnter) // rejected: the editor stays open
	if !tb.Capturing() {
		t.Error("enter on an invalid number closed the editor")
	}
	if _, ok := e.sess().Profile["partner_anzahl"]; ok {
		t.Error("an invalid number was saved")
	}
	tb = e.send(tb, kRunes("2"))
	if _, ok := e.sess().Profile["partner_anzahl"]; ok {
		t.Error("a number was saved before enter")
	}
	if strings.Contains(plain(tb), "Bitte eine ganze Zahl") {
		t.Error("the hint stays after a valid number")
	}
	e.send(tb, kEnter)
	if got := e.sess().Profile["partner_anzahl"]; len(got) != 1 || got[0] != "12" {
		t.Errorf("stored partner_anzahl = %v, want 12", got)
	}
}

func TestProfileTabClearAndHide(t *testing.T) {
	e := newTabEnv(t, model.Profile{"neue_rechtsperson": {"ja"}, "steuerung": {"kollegial"}, "dauer": {"befristet"}})
	tb := newTestProfileTab(e, 120, 30)
	if !strings.Contains(plain(tb), "Art der Steuerung") {
		t.Fatal("steuerung hidden although neue_rechtsperson = ja")
	}
	tb.(*profileTab).ed.list.selectID("dauer")
	tb = e.send(tb, kBackspace)
	if _, ok := e.sess().Profile["dauer"]; !ok {
		t.Fatal("backspace cleared the answer without asking")
	}
	if !strings.Contains(plain(tb), "löschen?") {
		t.Errorf("no question before clearing:\n%s", plain(tb))
	}
	tb = e.send(tb, kRunes("n"))
	if _, ok := e.sess().Profile["dauer"]; !ok {
		t.Fatal("n cleared the answer")
	}
	tb = e.send(tb, kBackspace, kRunes("j"))
	if _, ok := e.sess().Profile["dauer"]; ok {
		t.Error("j did not clear the answer")
	}
	// neue_rechtsperson = nein hides steuerung (its answer is kept).
	tb.(*profileTab).ed.list.selectID("neue_rechtsperson")
	tb = e.send(tb, kEnter, kDown, kEnter) // ja → nein
	if got := e.sess().Profile["neue_rechtsperson"]; len(got) != 1 || got[0] != "nein" {
		t.Fatalf("neue_rechtsperson = %v, want nein", got)
	}
	if strings.Contains(plain(tb), "Art der Steuerung") {
		t.Error("steuerung still shown with neue_rechtsperson = nein")
	}
	if _, ok := e.sess().Profile["steuerung"]; !ok {
		t.Error("hiding a question must not drop its answer")
	}
}

func TestProfileTabJumpOpensQuestion(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestProfileTab(e, 100, 22)
	tb = e.send(tb, jumpMsg{tab: 0, item: "ressourcen"})
	if got := selectedID(tb); got != "ressourcen" {
		t.Errorf("jump selected %q", got)
	}
	if !tb.(escWanter).WantsEsc() {
		t.Error("jump did not open the editor")
	}
	if !strings.Contains(plain(tb), "Ressourcen für den Aufbau") {
		t.Errorf("editor does not show the question:\n%s", plain(tb))
	}
}

// A session arriving while a number is typed (another tab saved) must not
// disturb the editor.
func TestProfileTabReloadKeepsEditor(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestProfileTab(e, 100, 22)
	tb.(*profileTab).ed.list.selectID("partner_anzahl")
	tb = e.send(tb, kEnter, kRunes("3"))
	other, err := e.st.Update(e.id, func(s *model.Session) error { s.Notes = map[string]string{"s.bedarf.ziele": "x"}; return nil })
	if err != nil {
		t.Fatal(err)
	}
	tb = e.send(tb, sessionLoadedMsg{other}, kRunes("4"))
	p := tb.(*profileTab)
	if p.ed.form == nil {
		t.Fatalf("editor closed by the reload")
	}
	e.send(tb, kEnter)
	if got := e.sess().Profile["partner_anzahl"]; len(got) != 1 || got[0] != "34" {
		t.Errorf("stored %v, want 34", got)
	}
}

func TestProfileTabFits(t *testing.T) {
	e := newTabEnv(t, model.Profile{"bundesland": {"NW"}, "ziele": {"erfahrungsaustausch", "wirtschaftlichkeit", "servicequalitaet"}})
	for _, sz := range boxSizes {
		for _, key := range []string{"bundesland", "ziele", "aufgabenfelder", "partner_anzahl", "bestehende_struktur"} {
			tb := newTestProfileTab(e, sz[0], sz[1])
			tb.(*profileTab).ed.list.selectID(key)
			assertFits(t, "list "+key, tb.View(), sz[0], sz[1])
			tb = e.send(tb, kEnter)
			assertFits(t, "editor "+key, tb.View(), sz[0], sz[1])
			tb.SetSize(sz[0]+7, sz[1]+3) // resize while editing
			assertFits(t, "resized editor "+key, tb.View(), sz[0]+7, sz[1]+3)
		}
	}
}

func TestProfileTabKeyMapFollowsState(t *testing.T) {
	e := newTabEnv(t, model.Profile{"bundesland": {"NW"}})
	tb := newTestProfileTab(e, 100, 22)
	helpText := func() string {
		var b strings.Builder
		for _, k := range tb.KeyMap().ShortHelp() {
			b.WriteString(k.Help().Desc + ";")
		}
		return b.String()
	}
	if !strings.Contains(helpText(), "Antwort löschen") {
		t.Errorf("answered question: help %q lacks the clear key", helpText())
	}
	tb = e.send(tb, kDown)
	if strings.Contains(helpText(), "Antwort löschen") {
		t.Errorf("unanswered question: help %q offers a dead key", helpText())
	}
	tb = e.send(tb, kEnter)
	if h := helpText(); !strings.Contains(h, "abbrechen") || !strings.Contains(h, "übernehmen") {
		t.Errorf("editor help %q lacks esc and the form's keys", h)
	}
}

// Every option of a choice is visible when the pane has room (the fourth
// "Umfang" option was cut off), and long labels wrap instead of being cut.
func TestProfileTabChoicesUseTheHeight(t *testing.T) {
	e := newTabEnv(t, nil)
	for _, key := range []string{"umfang", "aufgabenfelder", "ziele"} {
		tb := newTestProfileTab(e, 80, 18)
		tb.(*profileTab).ed.list.selectID(key)
		tb = e.send(tb, kEnter)
		v := plain(tb)
		q, _ := model.ProfileQuestionByKey(key)
		last := q.Options[len(q.Options)-1].Label
		if words := strings.Fields(last); !strings.Contains(v, words[len(words)-1]) && !strings.Contains(v, "weitere Antworten") {
			t.Errorf("%s: the last option %q is neither shown nor announced:\n%s", key, last, v)
		}
		for _, l := range strings.Split(v, "\n") {
			if strings.HasSuffix(strings.TrimRight(l, " "), "…") {
				t.Errorf("%s: an option label is cut off: %q", key, l)
			}
		}
	}
}
