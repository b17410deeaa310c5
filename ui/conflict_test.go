package ui

import (
	"strings"
	"testing"

	"ikz/model"
)

// Two connections edit the same note from the same state: the second is
// not stored over the first, the user is told with their own text, and the
// tabs get the stored version. A change whose slot already holds its value
// (a retry after the first attempt reached the file) counts as saved.
func TestConcurrentEditsDetected(t *testing.T) {
	e := newTabEnv(t, nil)
	e.d.saves = &saveTracker{}
	shownA, shownB := e.sess(), e.sess() // both connections see the same state
	a, b := newChanger(e.d, e.id), newChanger(e.d, e.id)

	if _, ok := a.do(model.SetNoteChange(shownA, "s.bedarf.ziele", "Fassung A"))().(savedMsg); !ok {
		t.Fatal("first edit not saved")
	}
	msg := b.do(model.SetNoteChange(shownB, "s.bedarf.ziele", "Fassung B"))()
	c, ok := msg.(conflictMsg)
	if !ok {
		t.Fatalf("second edit of the same note: %T %v, want conflictMsg", msg, msg)
	}
	if !strings.Contains(c.err.Error(), "Fassung B") || !strings.Contains(c.err.Error(), "Nicht gespeichert") {
		t.Errorf("message %q does not give the user's text back", c.err)
	}
	if c.sess == nil || c.sess.Notes["s.bedarf.ziele"] != "Fassung A" || e.sess().Notes["s.bedarf.ziele"] != "Fassung A" {
		t.Error("the first version was overwritten or not shown")
	}
	screen, _ := fakeSession(t)
	screen.Update(c)
	if !screen.statusErr || !strings.Contains(screen.status, "Fassung B") || screen.sess.Notes["s.bedarf.ziele"] != "Fassung A" {
		t.Errorf("session screen: status %q, shows %q", screen.status, screen.sess.Notes["s.bedarf.ziele"])
	}

	// Different slots do not conflict.
	if _, ok := b.do(model.SetQuickChange(shownB, "qc.s2", model.QuickEntry{Status: model.StatusErledigt}))().(savedMsg); !ok {
		t.Error("an edit of another slot was refused")
	}
	// Already stored (the value is there): saved, not a conflict.
	cur := e.sess()
	again := model.SetNoteChange(shownA, "s.bedarf.ziele", "Fassung A")
	if _, err := e.st.Apply(e.id, model.SetNoteChange(cur, "s.bedarf.ziele", "Fassung A")); err != nil {
		t.Fatal(err)
	}
	if m := a.do(again)(); m == nil {
		t.Error("no result")
	} else if _, ok := m.(savedMsg); !ok {
		t.Errorf("a change whose value is already stored: %T %v", m, m)
	}
}
