package ui

import (
	"encoding/json"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"ikz/store"
	"ikz/wizard"
)

// storedNewSessionDraft reads the new-session draft from the file (ok:
// there is one).
func storedNewSessionDraft(t *testing.T, st *store.Store) (wizard.NewSession, bool) {
	t.Helper()
	data, err := st.Draft(newSessionDraftKey)
	if err != nil {
		t.Fatal(err)
	}
	if data == nil {
		return wizard.NewSession{}, false
	}
	var d newSessionDraft
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("draft %s: %v", data, err)
	}
	return d.Form, true
}

var ctrlR = tea.KeyMsg{Type: tea.KeyCtrlR}

// Typing keeps a draft, key by key; nothing is created before the form is
// complete, and esc leaves the draft and says so.
func TestNewSessionKeepsDraftNotSession(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("n")...)
	shSend(t, m, shType("Schul-IT 2026")...)
	if d, ok := storedNewSessionDraft(t, st); !ok || d.Title != "Schul-IT 2026" {
		t.Fatalf("draft while typing the title: %+v (stored %v)", d, ok)
	}
	shSend(t, m, shKeys("enter")...)
	shSend(t, m, shType("Stadt Bo")...) // half a field: this is what kill -9 used to lose
	if d, _ := storedNewSessionDraft(t, st); d.Traeger != "Stadt Bo" {
		t.Errorf("the field being typed is not in the draft: %+v", d)
	}
	if got := titles(t, st); len(got) != 0 {
		t.Fatalf("a session was created before the form was complete: %q", got)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Entwurf gespeichert 14:03:02") || !strings.Contains(v, "ctrl+r Entwurf verwerfen") {
		t.Errorf("no draft note or discard key:\n%s", v)
	}
	shSend(t, m, shKeys("esc")...)
	if m.Screen() != "Start" {
		t.Fatalf("esc led to %q", m.Screen())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Keine Sitzung angelegt – der Entwurf ist gespeichert; n setzt ihn fort.") {
		t.Errorf("esc does not say that the draft is kept:\n%s", v)
	}
	if got := titles(t, st); len(got) != 0 {
		t.Errorf("esc created %q", got)
	}
	if d, ok := storedNewSessionDraft(t, st); !ok || d.Title != "Schul-IT 2026" || d.Traeger != "Stadt Bo" {
		t.Errorf("draft after esc: %+v (stored %v)", d, ok)
	}
}

// A draft comes back when the form is opened again, also in a new run of
// the program; completing the form creates the session and removes the
// draft.
func TestNewSessionDraftRestoredAndClearedOnCreate(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("n")...)
	shSend(t, m, shType("Kooperation")...)
	shSend(t, m, shKeys("enter")...)
	shSend(t, m, shType("Kreis Lip")...)
	// the program ends without esc (ctrl+c, a closed terminal, kill -9)

	m = shApp(t, st, 100, 30)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Eine neue Sitzung wartet als Entwurf – n setzt ihn fort.") {
		t.Errorf("the start screen does not mention the draft:\n%s", v)
	}
	shSend(t, m, shKeys("n")...)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Entwurf vom 21.11.2026, 14:03 wiederhergestellt", "> Kooperation", "> Kreis Lip"} {
		if !strings.Contains(v, want) {
			t.Errorf("reopened form misses %q:\n%s", want, v)
		}
	}
	shSend(t, m, shKeys("enter")...) // title as it was
	shSend(t, m, shType("pe")...)    // the Schulträger goes on where it stopped
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Entwurf vom 21.11.2026, 14:03 fortgesetzt · Entwurf gespeichert 14:03:02") {
		t.Errorf("no note while continuing:\n%s", v)
	}
	shSend(t, m, shKeys("enter", "enter", "enter")...) // Land, kind: keine Angabe
	shSend(t, m, shType("Detmold")...)
	shSend(t, m, shKeys("enter")...)
	if m.Screen() != "Sitzung" {
		t.Fatalf("completing the form led to %q:\n%s", m.Screen(), ansi.Strip(m.View()))
	}
	list, _ := st.List()
	if len(list) != 1 || list[0].Title != "Kooperation" || list[0].Traeger != "Kreis Lippe" {
		t.Fatalf("stored: %+v", list)
	}
	if d, ok := storedNewSessionDraft(t, st); ok {
		t.Errorf("the draft outlived the creation: %+v", d)
	}
	shSend(t, m, shKeys("esc")...) // back to the list; the next form is empty
	shSend(t, m, shKeys("n")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "wiederhergestellt") || strings.Contains(v, "Kooperation") {
		t.Errorf("the form after a creation is not empty:\n%s", v)
	}
}

// Discarding asks first; n keeps the draft and the form, j removes it.
func TestNewSessionDiscardAsks(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 80, 24)
	shSend(t, m, shKeys("n")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "ctrl+r") {
		t.Errorf("discard offered without a draft:\n%s", v)
	}
	shSend(t, m, shType("Weg damit")...)
	shSend(t, m, ctrlR)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Entwurf verwerfen? j ja, verwerfen · n nein, weiter schreiben") {
		t.Fatalf("ctrl+r does not ask:\n%s", v)
	}
	shSend(t, m, shKeys("n")...)
	if _, ok := storedNewSessionDraft(t, st); !ok || m.Screen() != "Neue Sitzung" {
		t.Fatalf("n removed the draft or left the form (%q)", m.Screen())
	}
	shSend(t, m, shType("!")...) // typing goes on in the title
	if d, _ := storedNewSessionDraft(t, st); d.Title != "Weg damit!" {
		t.Errorf("after answering n: %+v", d)
	}
	shSend(t, m, ctrlR)
	shSend(t, m, shKeys("j")...)
	if m.Screen() != "Start" || !strings.Contains(ansi.Strip(m.View()), "Entwurf verworfen – keine Sitzung angelegt.") {
		t.Fatalf("after j: %q\n%s", m.Screen(), ansi.Strip(m.View()))
	}
	if d, ok := storedNewSessionDraft(t, st); ok {
		t.Errorf("draft still stored: %+v", d)
	}
	if got := titles(t, st); len(got) != 0 {
		t.Errorf("discarding created %q", got)
	}
	shSend(t, m, shKeys("n")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "Weg damit") {
		t.Errorf("the discarded draft came back:\n%s", v)
	}
}

// Deleting every typed letter again leaves no draft behind.
func TestNewSessionEmptiedFormHasNoDraft(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 80, 24)
	shSend(t, m, shKeys("n")...)
	shSend(t, m, shType("ab")...)
	shSend(t, m, shKeys("backspace", "backspace")...)
	if d, ok := storedNewSessionDraft(t, st); ok {
		t.Errorf("an emptied form keeps a draft: %+v", d)
	}
	shSend(t, m, shKeys("esc")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Keine Sitzung angelegt.") || strings.Contains(v, "Entwurf") {
		t.Errorf("esc on an emptied form:\n%s", v)
	}
}

func TestNewSessionBlankTitleCreatesNothing(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 80, 24)
	shSend(t, m, shKeys("n", "enter", " ", "enter")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Bitte einen Titel eingeben") {
		t.Errorf("no hint for a blank title:\n%s", v)
	}
	shSend(t, m, shKeys("esc")...)
	if got := titles(t, st); len(got) != 0 {
		t.Errorf("a blank title created %q", got)
	}
}

func TestNewSessionEnterThroughOpensSession(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("n")...)
	shSend(t, m, shType("Kooperation")...)
	shSend(t, m, shKeys("enter", "enter")...)                 // title, Schulträger left empty
	shSend(t, m, repeatAny(shKey("down"), 10)...)             // Land: NW
	shSend(t, m, shKeys("enter", "down", "down", "enter")...) // kind: Landkreis
	shSend(t, m, shType("Detmold, Lemgo")...)
	if d, _ := storedNewSessionDraft(t, st); d.Land != "NW" || d.Kind != "landkreis" || d.Municipalities != "Detmold, Lemgo" {
		t.Errorf("draft before the last enter: %+v", d)
	}
	shSend(t, m, shKeys("enter")...)
	if m.Screen() != "Sitzung" {
		t.Fatalf("completing the form led to %q:\n%s", m.Screen(), ansi.Strip(m.View()))
	}
	list, _ := st.List()
	if len(list) != 1 {
		t.Fatalf("%d sessions, want 1", len(list))
	}
	s, err := st.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Profile.Is("bundesland", "NW") || !s.Profile.Is("traeger", "landkreis") || strings.Join(s.Municipalities, "|") != "Detmold|Lemgo" {
		t.Errorf("stored session: profile %v, municipalities %q", s.Profile, s.Municipalities)
	}
	if _, ok := storedNewSessionDraft(t, st); ok {
		t.Error("the draft outlived the creation")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Kooperation") || !strings.Contains(v, "Nordrhein-Westfalen") || !strings.Contains(v, "[1 Profil]") {
		t.Errorf("session screen header:\n%s", v)
	}
}

func TestNewSessionCityStateNote(t *testing.T) {
	m := shApp(t, shStore(t), 100, 30)
	shSend(t, m, shKeys("n")...)
	shSend(t, m, shType("T")...)
	shSend(t, m, shKeys("enter", "enter", "down", "down", "down")...) // Berlin
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Hinweis: Berlin ist ein Stadtstaat") {
		t.Errorf("no city-state note for Berlin:\n%s", v)
	}
}

// The session is created only after the draft writes on their way have
// landed: a write after the creation would bring the draft back.
func TestNewSessionCreateWaitsForDraftWrites(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("n")...)
	shSend(t, m, shType("Warten")...)
	q := &m.form.drafts.writeQueue
	q.mu.Lock()
	q.running = true // a draft write is on its way
	q.mu.Unlock()
	shSend(t, m, shKeys("enter", "enter", "enter", "enter", "enter")...)
	if got := titles(t, st); len(got) != 0 || m.Screen() != "Neue Sitzung" {
		t.Fatalf("created while a draft write was on its way: %q (%s)", got, m.Screen())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Sitzung wird angelegt …") {
		t.Errorf("no note while waiting:\n%s", v)
	}
	q.mu.Lock()
	q.running = false // the write has landed; its message comes next
	q.mu.Unlock()
	shSend(t, m, formDraftSavedMsg{key: newSessionDraftKey, data: []byte(`{}`)})
	if got := titles(t, st); len(got) != 1 || got[0] != "Warten" || m.Screen() != "Sitzung" {
		t.Fatalf("after the draft write: %q (%s)", got, m.Screen())
	}
	if _, ok := storedNewSessionDraft(t, st); ok {
		t.Error("the draft outlived the creation")
	}
}
