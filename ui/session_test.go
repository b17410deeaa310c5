package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
)

// fakeTab records what the session screen hands it.
type fakeTab struct {
	name      string
	capturing bool
	wantsEsc  bool
	got       []tea.Msg
	w, h      int
}

func (f *fakeTab) Update(msg tea.Msg) (tab, tea.Cmd) { f.got = append(f.got, msg); return f, nil }
func (f *fakeTab) View() string                      { return "Inhalt " + f.name }
func (f *fakeTab) SetSize(w, h int)                  { f.w, f.h = w, h }
func (f *fakeTab) Capturing() bool                   { return f.capturing }
func (f *fakeTab) WantsEsc() bool                    { return f.wantsEsc }
func (f *fakeTab) KeyMap() help.KeyMap {
	return keyMap{short: []key.Binding{key.NewBinding(key.WithKeys("x"), key.WithHelp("x", f.name+"-taste"))}}
}

func (f *fakeTab) keys() []string {
	var out []string
	for _, m := range f.got {
		if k, ok := m.(tea.KeyMsg); ok {
			out = append(out, k.String())
		}
	}
	return out
}

// fakeSession builds a session screen over five fake tabs.
func fakeSession(t *testing.T) (*sessionModel, []*fakeTab) {
	t.Helper()
	d := tabDeps{styles: NewStyles(DefaultPalette()), now: func() time.Time { return shStart }}
	sess := &model.Session{ID: "s1", Title: "Testsitzung", Traeger: "Stadt Bonn", Profile: model.Profile{"bundesland": {"NW"}}}
	m := &sessionModel{d: d, sess: sess, keys: defaultSessionKeys(), gk: defaultGlobalKeys(), help: help.New()}
	var fakes []*fakeTab
	for _, n := range tabNames {
		f := &fakeTab{name: n}
		fakes = append(fakes, f)
		m.tabs = append(m.tabs, f)
	}
	m.SetSize(100, 30)
	return m, fakes
}

// send feeds messages to the session screen and returns the messages its
// commands produce (not fed back).
func (m *sessionModel) sendAll(msgs ...tea.Msg) []tea.Msg {
	var out []tea.Msg
	for _, msg := range msgs {
		out = append(out, shRun(m.Update(msg))...)
	}
	return out
}

func TestSessionTabKeys(t *testing.T) {
	m, _ := fakeSession(t)
	last := len(m.tabs) - 1
	steps := []struct {
		key  string
		want int
	}{
		{"tab", 1}, {"tab", 2}, {"shift+tab", 1}, {"5", 4}, {"1", 0}, {"shift+tab", last}, {"tab", 0}, {"3", 2},
	}
	for _, s := range steps {
		m.sendAll(shKey(s.key))
		if m.active != s.want {
			t.Fatalf("after %s the active tab is %d, want %d", s.key, m.active, s.want)
		}
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "[3 Real") || !strings.Contains(v, "Inhalt Realisierung") {
		t.Errorf("tab bar or content does not follow:\n%s", v)
	}
}

func TestSessionCapturingTabGetsEveryKey(t *testing.T) {
	m, fakes := fakeSession(t)
	fakes[0].capturing = true
	m.sendAll(shKey("tab"), shKey("2"), shKey("q"), shKey("?"), shKey("esc"))
	if m.active != 0 {
		t.Errorf("a capturing tab lost the keyboard: active %d", m.active)
	}
	if got, want := strings.Join(fakes[0].keys(), " "), "tab 2 q ? esc"; got != want {
		t.Errorf("tab got %q, want %q", got, want)
	}
	if m.fullHelp {
		t.Error("? toggled the help although the tab captures")
	}
}

func TestSessionEsc(t *testing.T) {
	m, fakes := fakeSession(t)
	fakes[0].wantsEsc = true
	if out := m.sendAll(shKey("esc")); len(out) != 0 || len(fakes[0].keys()) != 1 {
		t.Fatalf("esc with an open inner level: out %v, tab keys %v", out, fakes[0].keys())
	}
	fakes[0].wantsEsc = false
	out := m.sendAll(shKey("esc"))
	if len(out) != 1 {
		t.Fatalf("esc gave %v, want one backMsg", out)
	}
	if b, ok := out[0].(backMsg); !ok || b.selectID != "s1" {
		t.Errorf("esc gave %#v, want backMsg selecting s1", out[0])
	}
}

func TestSessionSavedAndError(t *testing.T) {
	m, fakes := fakeSession(t)
	saved := &model.Session{ID: "s1", Title: "Neu", Profile: model.Profile{}}
	m.sendAll(savedMsg{sess: saved, at: shStart.Add(5 * time.Second)})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "gespeichert 14:03:05") {
		t.Errorf("no save time in the status line:\n%s", v)
	}
	// The active tab gets the saved session at once, the others when shown.
	for i, f := range fakes {
		want := 0
		if i == m.active {
			want = 1
		}
		if len(f.got) != want {
			t.Fatalf("%s got %v before it was shown, want %d sessionLoadedMsg", f.name, f.got, want)
		}
	}
	for i := range fakes {
		m.sendAll(shKey(strconv.Itoa(i + 1)))
		m.sendAll(shKey(strconv.Itoa(i + 1))) // showing it twice delivers once
	}
	for _, f := range fakes {
		if len(f.got) != 1 {
			t.Fatalf("%s got %v, want one sessionLoadedMsg", f.name, f.got)
		}
		if l, ok := f.got[0].(sessionLoadedMsg); !ok || l.sess != saved {
			t.Errorf("%s got %#v, want sessionLoadedMsg with the saved session", f.name, f.got[0])
		}
	}
	if m.sess != saved {
		t.Error("the header still shows the old session")
	}
	m.sendAll(errMsg{errString("Datei /x/ikz.db ist schreibgeschützt")})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Datei /x/ikz.db ist schreibgeschützt") {
		t.Errorf("no error in the status line:\n%s", v)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestSessionJump(t *testing.T) {
	m, fakes := fakeSession(t)
	m.sendAll(jumpMsg{tab: tabProfil, item: "dauer"})
	m.active = tabEmpfehlung
	m.sendAll(jumpMsg{tab: tabProfil, item: "umfang"})
	if m.active != tabProfil {
		t.Fatalf("jump left the active tab at %d", m.active)
	}
	j, ok := fakes[0].got[len(fakes[0].got)-1].(jumpMsg)
	if !ok || j.item != "umfang" {
		t.Errorf("profile tab got %#v, want the jumpMsg", fakes[0].got)
	}
	if len(fakes[4].got) != 0 {
		t.Errorf("the jump went to the old tab too: %v", fakes[4].got)
	}
	m.sendAll(jumpMsg{tab: 9})
	if m.active != tabProfil {
		t.Error("an invalid jump changed the tab")
	}
}

func TestSessionHelpAndSizes(t *testing.T) {
	m, fakes := fakeSession(t)
	short := ansi.Strip(m.View())
	for _, want := range []string{"x Profil-taste", "tab Reiter", "esc Liste", "? Hilfe"} {
		if !strings.Contains(short, want) {
			t.Errorf("footer misses %q:\n%s", want, short)
		}
	}
	_, h0 := m.contentBox()
	m.sendAll(shKey("?"))
	full := ansi.Strip(m.View())
	for _, want := range []string{"shift+tab", "voriger Reiter", "Reiter wählen", "q", "beenden"} {
		if !strings.Contains(full, want) {
			t.Errorf("full help misses %q:\n%s", want, full)
		}
	}
	if _, h1 := m.contentBox(); h1 >= h0 || fakes[0].h != h1 {
		t.Errorf("full help: content height %d → %d, tab told %d", h0, h1, fakes[0].h)
	}
	for _, sz := range [][2]int{{80, 24}, {100, 30}, {160, 45}} {
		m.SetSize(sz[0], sz[1])
		shCheckFits(t, m.View(), sz[0], sz[1])
		if got := strings.Count(m.View(), "\n") + 1; got != sz[1] {
			t.Errorf("%dx%d: %d lines, want the full height", sz[0], sz[1], got)
		}
	}
}

func TestSessionProgressLines(t *testing.T) {
	m, _ := fakeSession(t)
	ph := model.Phases[0]
	m.sess.QuickCheck = map[string]model.QuickEntry{ph.QuickItems[0].ID: {Status: model.StatusErledigt}}
	m.sess.Notes = map[string]string{ph.Groups[0].Questions[0].ID: "Notiz"}
	m.SetSize(80, 24)
	v := ansi.Strip(m.View())
	want := "Sondierung 1/" + strconv.Itoa(len(ph.QuickItems)) + " · 1/"
	if !strings.Contains(v, want) {
		t.Errorf("80x24: no compact progress %q:\n%s", want, v)
	}
	m.SetSize(120, 40)
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "1/"+strconv.Itoa(len(ph.QuickItems))+" Quick-Check · 1/") || strings.Count(v, "Quick-Check ·") != 3 {
		t.Errorf("120x40: no line per phase:\n%s", v)
	}
}
