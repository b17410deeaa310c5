package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
	"ikz/store"
)

func titles(t *testing.T, st *store.Store) []string {
	t.Helper()
	list, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range list {
		out = append(out, s.Title)
	}
	return out
}

func TestStartEmptyExplains(t *testing.T) {
	m := shApp(t, shStore(t), 80, 24)
	v := ansi.Strip(m.View())
	for _, want := range []string{"IKZ-Lotse", "Noch keine Sitzung gespeichert.", "Mit n legen Sie die erste an", "n neue Sitzung"} {
		if !strings.Contains(v, want) {
			t.Errorf("empty start screen misses %q:\n%s", want, v)
		}
	}
	for _, hidden := range []string{"enter öffnen", "d löschen"} {
		if strings.Contains(v, hidden) {
			t.Errorf("empty start screen offers %q, which does nothing", hidden)
		}
	}
}

func TestStartListShowsSummaries(t *testing.T) {
	m := shApp(t, shStore(t, shSessions()...), 100, 30)
	v := ansi.Strip(m.View())
	for _, want := range []string{
		"3 gespeicherte Sitzungen",
		// Kreis, whole operation: delegation, Zweckverband and AöR tie, so no model is named.
		"Schul-IT gemeinsam 2026", "Kreis Lippe · Nordrhein-Westfalen · S 0/5 R 0/4 V 0/2 · " + model.NoRecommendation,
		"Support-Verbund Nord", "Stadt Flensburg · Schleswig-Holstein",
		"Land offen · S 0/5 R 0/4 V 0/2",
		"21.11.2026, 14:",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("list misses %q:\n%s", want, v)
		}
	}
	// No computed model for a session without answers: it would only be the
	// tie-break order.
	for _, l := range strings.Split(v, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Land offen") && strings.Contains(l, "→") {
			t.Errorf("an unanswered session shows a model: %q", l)
		}
	}
	// Newest change first.
	if i, j := strings.Index(v, "Medienentwicklungsplan"), strings.Index(v, "Schul-IT gemeinsam"); i < 0 || i > j {
		t.Errorf("the newest session is not on top:\n%s", v)
	}
}

func TestStartWideShowsDetail(t *testing.T) {
	m := shApp(t, shStore(t, shSessions()...), 160, 45)
	shSend(t, m, shKeys("down")...)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Fortschritt", "Sondierung", "Quick-Check", "Vorläufige Empfehlung", "Zuletzt", "Schleswig-Holstein"} {
		if !strings.Contains(v, want) {
			t.Errorf("wide start screen misses %q:\n%s", want, v)
		}
	}
	m2 := shApp(t, shStore(t, shSessions()...), 100, 30)
	if strings.Contains(ansi.Strip(m2.View()), "Vorläufige Empfehlung") {
		t.Error("the detail panel appears at 100 columns")
	}
}

func TestStartFilter(t *testing.T) {
	m := shApp(t, shStore(t, shSessions()...), 100, 30)
	shSend(t, m, shKeys("/")...)
	shSend(t, m, shType("flens")...)
	if !m.capturing() {
		t.Fatal("while typing a filter q must be a letter")
	}
	shSend(t, m, shKeys("enter")...)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Support-Verbund Nord") || strings.Contains(v, "Schul-IT gemeinsam") {
		t.Errorf("filter by Schulträger does not work:\n%s", v)
	}
	if !strings.Contains(v, "1 von 3 Sitzungen passen zu „flens“") {
		t.Errorf("no German filter status:\n%s", v)
	}
	shSend(t, m, shKeys("esc")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "3 gespeicherte Sitzungen") {
		t.Errorf("esc does not clear the filter:\n%s", v)
	}
}

func TestStartDeleteConfirmAndUndo(t *testing.T) {
	st := shStore(t, shSessions()...)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("d")...)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "in den Papierkorb legen?") {
		t.Fatalf("no confirmation:\n%s", v)
	}
	shSend(t, m, shKeys("n")...)
	if len(titles(t, st)) != 3 {
		t.Fatal("n deleted the session")
	}
	shSend(t, m, shKeys("d", "j")...)
	if got := titles(t, st); len(got) != 2 {
		t.Fatalf("after d j: %q", got)
	}
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "Sitzung im Papierkorb – u macht es rückgängig, später: ikz restore s0003") {
		t.Errorf("no restore hint:\n%s", v)
	}
	shSend(t, m, shKeys("u")...)
	if got := titles(t, st); len(got) != 3 {
		t.Fatalf("u did not restore: %q", got)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "wiederhergestellt") {
		t.Errorf("no restore message:\n%s", v)
	}
}

func TestStartRename(t *testing.T) {
	st := shStore(t, shSessions()...)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("down", "r")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Sitzung bearbeiten") || !strings.Contains(v, "Support-Verbund Nord") {
		t.Fatalf("no prefilled rename field:\n%s", v)
	}
	if !m.capturing() {
		t.Error("the rename field must capture q")
	}
	// A blank title is refused; the field stays open.
	shSend(t, m, repeatAny(shKey("backspace"), 30)...)
	shSend(t, m, shKeys("enter")...)
	if m.start.rename == nil {
		t.Fatal("a blank title closed the rename field")
	}
	shSend(t, m, shType("Support-Verbund Nord 2027")...)
	shSend(t, m, shKeys("enter", "enter", "enter")...) // title, Schulträger, municipalities
	got := titles(t, st)
	if !contains(got, "Support-Verbund Nord 2027") {
		t.Errorf("titles after rename: %q", got)
	}
	if sel, _ := m.start.selected(); sel.Title != "Support-Verbund Nord 2027" {
		t.Errorf("the renamed session is not selected: %q", sel.Title)
	}
	// esc cancels without saving.
	shSend(t, m, shKeys("r", "x", "esc")...)
	if contains(titles(t, st), "Support-Verbund Nord 2027x") || m.start.rename != nil {
		t.Error("esc saved the rename")
	}
}

func TestStartCopy(t *testing.T) {
	st := shStore(t, shSessions()...)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("down", "down", "c")...)
	got := titles(t, st)
	if len(got) != 4 {
		t.Fatalf("after c: %q", got)
	}
	sel, _ := m.start.selected()
	if !strings.Contains(sel.Title, "Schul-IT gemeinsam 2026") || sel.ID == "s0001" {
		t.Errorf("the copy is not selected: %+v", sel)
	}
	copied, err := st.Get(sel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !copied.Profile.Is("bundesland", "NW") {
		t.Errorf("the copy lost the profile: %v", copied.Profile)
	}
}

func TestStartKeysOpenScreens(t *testing.T) {
	m := shApp(t, shStore(t, shSessions()...), 100, 30)
	shSend(t, m, shKeys("n")...)
	if m.Screen() != "Neue Sitzung" {
		t.Fatalf("n opened %q", m.Screen())
	}
	shSend(t, m, shKeys("esc")...)
	if m.Screen() != "Start" || !strings.Contains(ansi.Strip(m.View()), "Keine Sitzung angelegt.") {
		t.Fatalf("esc in an empty form: %q\n%s", m.Screen(), ansi.Strip(m.View()))
	}
	shSend(t, m, shKeys("?")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "kopieren") || !strings.Contains(v, "bearbeiten") {
		t.Errorf("? does not show all keys:\n%s", v)
	}
}

func repeatAny(msg any, n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = msg
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The summary decides whether a model is shown; make sure an answered
// profile gets one.
func TestStartShowsTopModelWhenAnswered(t *testing.T) {
	m := shApp(t, shStore(t, &model.Session{Title: "A", Profile: model.Profile{"umfang": {"austausch"}}}), 100, 30)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "→ Informell") {
		t.Errorf("no leading model for an answered profile:\n%s", v)
	}
}

// After the group decided, the start screen shows its decision, marked as
// the group's, and the computed model only beneath it (issue 14).
func TestStartShowsTheGroupsDecision(t *testing.T) {
	sess := &model.Session{Title: "Entschieden", Traeger: "Kreis Lippe",
		Profile:   model.Profile{"bundesland": {"NW"}, "umfang": {"austausch"}, "verbindlichkeit": {"gering"}},
		Decisions: []model.Decision{{Model: model.Zweckverband, Reason: "Kreistag will einen Verband", At: shStart}}}
	top := model.Score(sess.Profile).Top()
	if top == model.Zweckverband || top == "" {
		t.Fatalf("fixture: the computed model %q must differ from the decision", top)
	}
	m := shApp(t, shStore(t, sess), 160, 45)
	v := ansi.Strip(m.View())
	zv, _ := model.ModelByID(model.Zweckverband)
	cm, _ := model.ModelByID(top)
	for _, want := range []string{"✓ " + zv.Short + " (Gruppe)", "Entscheidung der Gruppe", "✓ " + zv.Name, "berechnet: " + cm.Name} {
		if !strings.Contains(v, want) {
			t.Errorf("start screen misses %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "→ "+cm.Short) {
		t.Errorf("the list row still names the computed model:\n%s", v)
	}
}

// The start screen finds "Müritzbrück" for "muritz" and "mueritz", and names
// the ID that ikz export needs.
func TestStartSearchFoldsUmlauts(t *testing.T) {
	items := []string{sessionItem{&store.Summary{ID: "ab12", Title: "Verbund Müritzbrück"}}.FilterValue(),
		sessionItem{&store.Summary{ID: "cd34", Title: "Kreis Lippe"}}.FilterValue()}
	for _, q := range []string{"muritz", "mueritz", "Müritz", "MÜRITZBRÜCK", "ab12", "verbund muritz"} {
		if r := searchFilter(q, items); len(r) != 1 || r[0].Index != 0 {
			t.Errorf("%q finds %v, want only the Müritzbrück session", q, r)
		}
	}
	if r := searchFilter("flens", items); len(r) != 0 {
		t.Errorf("flens finds %v", r)
	}
}

// r edits Schulträger and municipalities too; named municipalities answer
// the partner count (them and the own one), and the change can be undone.
func TestStartEditSessionData(t *testing.T) {
	st := shStore(t, shSessions()...)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("r", "enter")...) // title unchanged
	shSend(t, m, repeatAny(shKey("backspace"), 40)...)
	shSend(t, m, shType("Kreis Test")...)
	shSend(t, m, shKeys("enter")...)
	shSend(t, m, shType("Stadt A, Gemeinde B")...)
	shSend(t, m, shKeys("enter")...)
	sel, _ := m.start.selected()
	s, err := st.Get(sel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Traeger != "Kreis Test" || len(s.Municipalities) != 2 || !s.Profile.Is("partner_anzahl", "3") {
		t.Errorf("stored Träger %q, Kommunen %v, partner_anzahl %v", s.Traeger, s.Municipalities, s.Profile["partner_anzahl"])
	}
}

// A participant of ikz serve cannot create sessions: the empty start screen
// does not tell them to press n.
func TestStartEmptyForParticipant(t *testing.T) {
	m := New(shStore(t), Config{Participant: true, Now: func() time.Time { return shStart }})
	shSend(t, m, m.Init())
	shSend(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	v := ansi.Strip(m.View())
	if strings.Contains(v, "Mit n legen Sie") || strings.Contains(v, "n neue Sitzung") {
		t.Errorf("a participant is told to create a session:\n%s", v)
	}
	if !strings.Contains(v, "Die Moderation legt sie an") {
		t.Errorf("the empty screen does not say what to wait for:\n%s", v)
	}
}
