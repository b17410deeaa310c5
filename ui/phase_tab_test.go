package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

func newTestPhaseTab(e *tabEnv, id model.PhaseID, w, h int) tab {
	tb := newPhaseTab(e.d, e.sess(), id)
	tb.SetSize(w, h)
	return tb
}

func TestPhaseTabListsGroupsAndQuickCheck(t *testing.T) {
	e := newTabEnv(t, nil)
	for _, ph := range model.Phases {
		tb := newTestPhaseTab(e, ph.ID, 160, 80)
		v := plain(tb)
		for _, g := range ph.Groups {
			if !strings.Contains(v, g.Title) {
				t.Errorf("%s: group %q missing", ph.ID, g.Title)
			}
		}
		if !strings.Contains(v, "Quick-Check") {
			t.Errorf("%s: no quick-check heading", ph.ID)
		}
		want := len(ph.QuickItems)
		for _, g := range ph.Groups {
			want += len(g.Questions)
		}
		items := 0
		for _, r := range tb.(*phaseTab).ed.list.rows {
			if !r.heading() {
				items++
			}
		}
		if items != want {
			t.Errorf("%s: %d items, want %d", ph.ID, items, want)
		}
		if first := ph.Groups[0].Questions[0].ID; selectedID(tb) != first {
			t.Errorf("%s: cursor starts on %q, want %q", ph.ID, selectedID(tb), first)
		}
	}
}

func TestPhaseTabNoteCommitsOnEnter(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 22)
	id := selectedID(tb)
	tb = e.send(tb, kEnter)
	if !tb.Capturing() {
		t.Fatal("a note must capture the keyboard (q is a letter here)")
	}
	tb = e.send(tb, typed("Support q")...)
	if got, ok := e.sess().Notes[id]; ok {
		t.Errorf("stored note %q before enter", got)
	}
	tb = e.send(tb, kEnter)
	if got := e.sess().Notes[id]; got != "Support q" {
		t.Errorf("stored note %q after enter, want %q", got, "Support q")
	}
	if tb.(escWanter).WantsEsc() {
		t.Error("enter did not finish the note")
	}
	if selectedID(tb) == id {
		t.Error("enter should move on to the next question")
	}
	row := tb.(*phaseTab).ed.list.rows[1]
	if row.id != id || row.mark != markDone {
		t.Errorf("row %q marked %q, want ✓", row.id, row.mark)
	}
	// Typing and esc restores the note; Entf and j removes it.
	tb = e.send(tb, kUp, kEnter)
	tb = e.send(tb, repeat(kBackspace, len("Support q"))...)
	tb = e.send(tb, kEsc)
	if got := e.sess().Notes[id]; got != "Support q" {
		t.Errorf("esc did not restore the note: %q", got)
	}
	e.send(tb, kDelete, kRunes("j"))
	if _, ok := e.sess().Notes[id]; ok {
		t.Errorf("a cleared note is still stored: %q", e.sess().Notes[id])
	}
}

func TestPhaseTabQuickItem(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestPhaseTab(e, model.PhaseSondierung, 100, 22)
	tb.(*phaseTab).ed.list.selectID("qc.s2")
	tb = e.send(tb, kEnter)
	if !tb.Capturing() {
		t.Error("the open editor must have the keyboard (q must not quit)")
	}
	tb = e.send(tb, kRight, kRight)
	if got, ok := e.sess().QuickCheck["qc.s2"]; ok {
		t.Errorf("moving stored %+v before enter", got)
	}
	tb = e.send(tb, kEnter) // on to the note
	if !tb.Capturing() {
		t.Fatal("enter on the status should move to the note")
	}
	tb = e.send(tb, typed("Beschluss liegt vor")...)
	tb = e.send(tb, kEnter)
	got := e.sess().QuickCheck["qc.s2"]
	if got.Status != model.StatusErledigt || got.Note != "Beschluss liegt vor" {
		t.Errorf("stored %+v", got)
	}
	if tb.(escWanter).WantsEsc() {
		t.Error("enter on the note should close the editor")
	}
	if p := model.Progress(e.sess()); p[0].QuickDone != 1 {
		t.Errorf("progress %+v, want one quick item done", p[0])
	}
}

func TestPhaseTabSpaceCyclesStatus(t *testing.T) {
	e := newTabEnv(t, nil)
	tb := newTestPhaseTab(e, model.PhaseVerstetigung, 78, 16)
	tb.(*phaseTab).ed.list.selectID("qc.v1")
	want := []model.QuickStatus{model.StatusInArbeit, model.StatusErledigt, model.StatusNichtRelev, ""}
	for _, w := range want {
		tb = e.send(tb, kSpace)
		if got := e.sess().QuickCheck["qc.v1"].Status; got != w {
			t.Errorf("status %q, want %q", got, w)
		}
	}
	// space on a question does nothing
	tb.(*phaseTab).ed.list.home()
	tb = e.send(tb, kSpace)
	if len(e.sess().Notes) != 0 || tb.(escWanter).WantsEsc() {
		t.Error("space on a question changed something")
	}
}

func TestPhaseTabFits(t *testing.T) {
	e := newTabEnv(t, nil)
	long := strings.Repeat("Eine lange Notiz mit vielen Wörtern. ", 30)
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Notes = map[string]string{"s.bedarf.mep": long}
		s.QuickCheck = map[string]model.QuickEntry{"qc.s1": {Status: model.StatusInArbeit, Note: long}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, sz := range boxSizes {
		for _, id := range []string{"s.bedarf.mep", "qc.s1", "qc.s5"} {
			tb := newTestPhaseTab(e, model.PhaseSondierung, sz[0], sz[1])
			tb.(*phaseTab).ed.list.selectID(id)
			assertFits(t, "list "+id, tb.View(), sz[0], sz[1])
			tb = e.send(tb, kEnter)
			assertFits(t, "editor "+id, tb.View(), sz[0], sz[1])
			if !strings.Contains(plain(tb), "Quelle:") {
				t.Errorf("%dx%d %s: no source line in the editor", sz[0], sz[1], id)
			}
		}
	}
}

func TestAutosaverCoalesces(t *testing.T) {
	e := newTabEnv(t, nil)
	a := newAutosaver(e.d, e.id)
	var cmds int
	var run tea.Cmd // the one save command
	for i := 0; i < 100; i++ {
		note := strings.Repeat("x", i+1)
		if cmd := a.queue("note:s.bedarf.ziele", func(s *model.Session) error {
			s.Notes = map[string]string{"s.bedarf.ziele": note}
			return nil
		}); cmd != nil {
			cmds++
			run = cmd
		}
	}
	if cmds != 1 {
		t.Fatalf("%d save commands for 100 changes while one is in flight, want 1", cmds)
	}
	msg := run()
	saved, ok := msg.(savedMsg)
	if !ok {
		t.Fatalf("run returned %T, want savedMsg", msg)
	}
	if got := len(saved.sess.Notes["s.bedarf.ziele"]); got != 100 {
		t.Errorf("saved note has %d characters, want the last change (100)", got)
	}
	if !a.idle() {
		t.Error("saver still running after run returned")
	}
	if a.queue("x", func(*model.Session) error { return nil }) == nil {
		t.Error("an idle saver must hand out a new command")
	}
}

// A note longer than the detail pane ends in "…" where it is cut, in the
// narrow and in the wide layout (issue 14).
func TestPhaseTabLongNoteShowsItIsCut(t *testing.T) {
	e := newTabEnv(t, nil)
	ph := model.Phases[0]
	q := ph.Groups[0].Questions[0]
	long := strings.Repeat("Ein langer Satz über den Support an vielen Schulen. ", 60)
	for _, size := range [][2]int{{80, 20}, {160, 30}} {
		tb := newPhaseTab(e.d, &model.Session{ID: "x", Notes: map[string]string{q.ID: long}}, ph.ID)
		tb.SetSize(size[0], size[1])
		for i := 0; tb.(*phaseTab).selectedID() != q.ID && i < 50; i++ {
			tb = e.send(tb, kDown)
		}
		v := plain(tb)
		if !strings.Contains(v, "Ein langer Satz") {
			t.Fatalf("%dx%d: the note is not shown:\n%s", size[0], size[1], v)
		}
		lines := strings.Split(v, "\n")
		last := lines[len(lines)-1] // the pane's last line: below the list, or right of it
		if i := strings.LastIndex(last, "│"); i >= 0 {
			last = last[i:]
		}
		if !strings.HasSuffix(strings.TrimRight(last, " "), "…") {
			t.Errorf("%dx%d: the cut note does not end in …:\n%s", size[0], size[1], v)
		}
	}
	if got := clipPane("a\nb\nc", 10, 2); got != "a\nb…" {
		t.Errorf("clipPane = %q", got)
	}
	if got := clipPane("a\nb", 10, 2); got != "a\nb" {
		t.Errorf("clipPane of what fits = %q", got)
	}
}
