package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func TestScreenString(t *testing.T) {
	for s, want := range map[screen]string{screenStart: "Start", screenNew: "Neue Sitzung", screenSession: "Sitzung", screen(9): "unbekannt"} {
		if got := s.String(); got != want {
			t.Errorf("screen(%d).String() = %q, want %q", s, got, want)
		}
	}
}

func TestViewBeforeFirstSizeIsEmpty(t *testing.T) {
	m := New(shStore(t), Config{})
	if v := m.View(); v != "" {
		t.Errorf("View before the first WindowSizeMsg = %q, want empty", v)
	}
}

func TestResizeToTinyAndBack(t *testing.T) {
	m := shApp(t, shStore(t, shSessions()...), 100, 30)
	if !strings.Contains(m.View(), "Schul-IT gemeinsam 2026") {
		t.Fatalf("list not shown:\n%s", m.View())
	}
	for _, size := range [][2]int{{79, 24}, {80, 23}, {40, 10}, {1, 1}} {
		shSend(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := ansi.Strip(m.View())
		shCheckFits(t, m.View(), size[0], size[1])
		if size[0] >= 30 && !strings.Contains(v, "Fenster zu klein (mind. 80x24)") {
			t.Errorf("%dx%d: no note about the size:\n%s", size[0], size[1], v)
		}
		// Keys do nothing while nothing can be seen.
		shSend(t, m, shKey("n"))
		if m.Screen() != "Start" {
			t.Fatalf("%dx%d: n opened %s on a too small screen", size[0], size[1], m.Screen())
		}
	}
	shSend(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	v := m.View()
	shCheckFits(t, v, 80, 24)
	if strings.Contains(v, "Fenster zu klein") || !strings.Contains(v, "Schul-IT gemeinsam 2026") {
		t.Errorf("back at 80x24 the list is not shown:\n%s", v)
	}
}

// Every screen fits every size from the minimum up, and a note replaces
// the screen below it.
func TestEveryScreenFits(t *testing.T) {
	sizes := [][2]int{{80, 24}, {100, 30}, {120, 40}, {140, 30}, {160, 45}, {250, 70}, {60, 20}}
	screens := []struct {
		name   string
		keys   []any
		screen string
	}{
		{"start", nil, "Start"},
		{"form", shKeys("n"), "Neue Sitzung"},
		{"help", shKeys("?"), "Start"},
		{"tab 1", shKeys("enter"), "Sitzung"},
		{"tab 2", shKeys("enter", "2"), "Sitzung"},
		{"tab 5", shKeys("enter", "5"), "Sitzung"},
		{"full", shKeys("enter", "?"), "Sitzung"},
	}
	for _, sc := range screens {
		name := sc.name
		m := shApp(t, shStore(t, shSessions()...), 100, 30)
		shSend(t, m, sc.keys...)
		if m.Screen() != sc.screen {
			t.Fatalf("%s: on %q, want %q", name, m.Screen(), sc.screen)
		}
		for _, sz := range sizes {
			shSend(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			shCheckFits(t, m.View(), sz[0], sz[1])
			if t.Failed() {
				t.Fatalf("%s at %dx%d:\n%s", name, sz[0], sz[1], ansi.Strip(m.View()))
			}
		}
	}
}

func TestQuitAndInterrupt(t *testing.T) {
	m := shApp(t, shStore(t), 80, 24)
	if _, cmd := m.Update(shKey("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q on the start screen does not quit")
	}
	if _, cmd := m.Update(shKey("ctrl+c")); cmd == nil {
		t.Fatal("ctrl+c returns no command")
	} else if _, ok := cmd().(tea.InterruptMsg); !ok {
		t.Errorf("ctrl+c gives %T, want tea.InterruptMsg (exit status 130)", cmd())
	}
	// In the new-session form q is a letter of the title.
	shSend(t, m, shKeys("n")...)
	_, cmd := m.Update(shKey("q"))
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Error("q in the title field quits")
		}
	}
	if _, cmd := m.Update(shKey("ctrl+c")); cmd == nil {
		t.Error("ctrl+c in the form does nothing")
	} else if _, ok := cmd().(tea.InterruptMsg); !ok {
		t.Errorf("ctrl+c in the form gives %T, want tea.InterruptMsg", cmd())
	}
}

func TestOpenSessionAndBack(t *testing.T) {
	st := shStore(t, shSessions()...)
	m := shApp(t, st, 100, 30)
	shSend(t, m, shKeys("down", "enter")...)
	if m.Screen() != "Sitzung" {
		t.Fatalf("enter opened %q, want Sitzung", m.Screen())
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"Support-Verbund Nord", "Stadt Flensburg · Schleswig-Holstein", "[1 Profil]", "2 Sondierung", "5 Empfehlung"} {
		if !strings.Contains(v, want) {
			t.Errorf("session screen misses %q:\n%s", want, v)
		}
	}
	shSend(t, m, shKeys("esc")...)
	if m.Screen() != "Start" {
		t.Fatalf("esc led to %q, want Start", m.Screen())
	}
	// The session we came from is still selected.
	if sel, _ := m.start.selected(); sel.Title != "Support-Verbund Nord" {
		t.Errorf("selected after back: %q", sel.Title)
	}
}

func TestOpenMissingSessionShowsError(t *testing.T) {
	st := shStore(t, shSessions()...)
	m := shApp(t, st, 100, 30)
	shSend(t, m, openSessionMsg{id: "gibtsnicht"})
	if m.Screen() != "Start" {
		t.Errorf("screen %q after a failed open", m.Screen())
	}
	if !m.start.statusErr || m.start.status == "" {
		t.Errorf("no error in the status line: %q", m.start.status)
	}
}
