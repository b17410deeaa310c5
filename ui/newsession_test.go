package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestNewSessionCreatedWhenTitleConfirmed(t *testing.T) {
	st := shStore(t)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("n")...)
	shSend(t, m, shType("Schul-IT 2026")...)
	if got := titles(t, st); len(got) != 0 {
		t.Fatalf("created before the title was confirmed: %q", got)
	}
	shSend(t, m, shKeys("enter")...)
	if got := titles(t, st); len(got) != 1 || got[0] != "Schul-IT 2026" {
		t.Fatalf("after enter on the title: %q", got)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Sitzung angelegt · gespeichert 14:03:02") {
		t.Errorf("no save note:\n%s", v)
	}
	shSend(t, m, shType("Stadt Bonn")...)
	shSend(t, m, shKeys("enter")...)
	list, _ := st.List()
	if list[0].Traeger != "Stadt Bonn" {
		t.Errorf("Schulträger not saved when leaving the field: %+v", list[0])
	}
	// esc keeps what exists and returns to the list with it selected.
	shSend(t, m, shKeys("esc")...)
	if m.Screen() != "Start" {
		t.Fatalf("esc led to %q", m.Screen())
	}
	if sel, _ := m.start.selected(); sel.Title != "Schul-IT 2026" {
		t.Errorf("selected after esc: %q", sel.Title)
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
