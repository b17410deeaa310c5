package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/model/modeltest"
)

// Terminal safety of the interactive paths: a session with escape,
// control and bidi characters in every text field, shown on every tab of
// the local TUI, over SSH and in accessible mode, and the same characters
// typed (pasted) into a field. Not one byte of them may reach any output;
// the visible text around them must.

func checkNoLeak(t *testing.T, where, out string) {
	t.Helper()
	if leak := modeltest.Leak(out); leak != "" {
		i := strings.Index(out, leak)
		t.Errorf("%s: %q reached the output near %q", where, leak, out[max(0, i-60):min(len(out), i+60)])
	}
}

// tourKeys visit every tab, open the first and the last entry's editor
// and leave them.
var tourKeys = func() []string {
	var ks []string
	for _, tab := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"} {
		ks = append(ks, tab, "enter", "esc")
		for range 30 {
			ks = append(ks, "j")
		}
		ks = append(ks, "enter", "esc")
	}
	return ks
}()

func TestTerminalSafetyTUI(t *testing.T) {
	now := shStart
	st := shStore(t, modeltest.HostileSession(now))
	m := shApp(t, st, 200, 120)
	view := m.View()
	checkNoLeak(t, "start screen", view)
	if !strings.Contains(view, "Workshop Lippe «") {
		t.Fatalf("the start screen does not show the title:\n%s", view)
	}
	shSend(t, m, shKey("enter"))
	shown := m.View()
	for _, k := range tourKeys {
		shSend(t, m, shKey(k))
		v := m.View()
		checkNoLeak(t, "session screen after "+k, v)
		shown += v
	}
	for _, want := range []string{"Kreis Lippe «", "Notiz «", "Stadt Lemgo «", "Rahmenvertrag «", "Anmerkung «", "Beschluss «"} {
		if !strings.Contains(shown, want) {
			t.Errorf("no tab showed %q", want)
		}
	}
	// Typed (pasted) into the new-session form: shown and kept clean.
	m = shApp(t, st, 160, 45)
	shSend(t, m, shKey("n"))
	shSend(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Neu " + modeltest.Hostile), Paste: true})
	checkNoLeak(t, "new-session form with pasted text", m.View())
	for range 8 {
		shSend(t, m, shKey("enter"))
		checkNoLeak(t, "new-session form", m.View())
	}
	list, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		checkNoLeak(t, "stored title", s.Title)
	}
}

func TestTerminalSafetyAccessible(t *testing.T) {
	now := shStart
	st := shStore(t, modeltest.HostileSession(now))
	// Open the session, its first phase, and type hostile text as the
	// first note; then read on with enter.
	script := "2\n2\n" + modeltest.Hostile + "\n" + strings.Repeat("\n", 40)
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- RunAccessible(st, strings.NewReader(script), &out, func() time.Time { return now }) }()
	select {
	case err := <-done:
		if err != nil {
			t.Logf("accessible mode ended with %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("accessible mode did not finish its script")
	}
	checkNoLeak(t, "accessible mode", out.String())
	// What was typed is stored clean.
	list, err := st.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("%d sessions, %v", len(list), err)
	}
	stored, err := st.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if model.CleanSession(stored) != 0 {
		t.Error("typed text was stored with unsafe characters")
	}
	if !strings.Contains(out.String(), "Workshop Lippe «") {
		t.Errorf("accessible mode never read the title:\n%.600s", out.String())
	}
}

func TestTerminalSafetySSH(t *testing.T) {
	srv, st, _ := serveEnv(t, ServeOptions{})
	hostile := modeltest.HostileSession(time.Now())
	if err := st.Create(hostile); err != nil {
		t.Fatal(err)
	}
	a := connect(t, srv.Addr().String(), 160, 45)
	a.mustSee(0, "Workshop Lippe «")
	m := a.mark()
	a.send(keyEnter)
	a.mustSee(m, "Kreis Lippe «")
	for _, k := range []string{"1", "enter", "esc", "2", "enter", "esc", "3", "4", "5", "6", "7", "8", "9", "enter", "esc"} {
		switch k {
		case "enter":
			k = keyEnter
		case "esc":
			k = "\x1b"
		case "tab":
			k = "\t"
		}
		a.send(k)
		time.Sleep(30 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	a.mu.Lock()
	raw := a.out.String()
	a.mu.Unlock()
	// The server's own terminal query (background colour) ends with BEL.
	raw = strings.ReplaceAll(raw, "\x1b]11;?\a", "")
	checkNoLeak(t, "SSH screen", raw)
}
