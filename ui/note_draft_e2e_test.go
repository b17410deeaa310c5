package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"ikz/model"
)

// TestNoteDraftEndToEnd drives the program as the user in the report did:
// a note typed in Sondierung, the program ended from outside before enter
// (as a lost SSH connection ends it; ctrl+c ends it with an interrupt,
// which teatest counts as a failure, and kill -9 is
// TestNoteDraftSurvivesKill);
// the next run marks the row, enter brings the note back into the editor
// with the line that says so, and enter stores it.
func TestNoteDraftEndToEnd(t *testing.T) {
	st, _ := shOpen(t, filepath.Join(t.TempDir(), "ikz.db"))
	sess := &model.Session{Title: "Notizprobe", Traeger: "Kreis Probe"}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	run := func(steps func(tm *teatest.TestModel, send func(...tea.Msg))) *Model {
		tm, send := startE2E(t, st, "Notizprobe")
		steps(tm, send)
		return e2eFinal(t, tm)
	}

	// First run: type, then the program ends.
	run(func(tm *teatest.TestModel, send func(...tea.Msg)) {
		send(shKey("enter"), shKey("2"), shKey("enter"))
		for _, r := range noteText {
			send(shKey(string(r)))
		}
		if err := tm.Quit(); err != nil {
			t.Fatal(err)
		}
	})
	if s, _ := st.Get(sess.ID); len(s.Notes) != 0 {
		t.Fatalf("ending the program stored the note: %v", s.Notes)
	}

	// Second run: the row is marked, the draft comes back, enter stores it.
	final := run(func(tm *teatest.TestModel, send func(...tea.Msg)) {
		send(shKey("enter"))
		tm.Send(shKey("2")) // send would read the screen away: wait for it here
		waitFor(t, tm, "Entwurf von 14:03 – enter setzt ihn fort")
		tm.Send(shKey("enter"))
		waitFor(t, tm, "Entwurf von 14:03 wiederhergestellt")
		send(shKey("enter"))
		tm.Send(shKey("q"))
	})
	v := ansi.Strip(final.View())
	if strings.Contains(v, "Entwurf") {
		t.Errorf("after enter the screen still shows a draft:\n%s", v)
	}
	s, err := st.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := model.PhaseByID(model.PhaseSondierung)
	if got := s.Notes[p.Groups[0].Questions[0].ID]; got != noteText {
		t.Errorf("stored note %q, want %q", got, noteText)
	}
	if keys, _ := st.DraftKeys(sess.ID + "/"); len(keys) != 0 {
		t.Errorf("drafts left after enter: %q", keys)
	}
}
