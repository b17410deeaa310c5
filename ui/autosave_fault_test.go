//go:build linux

package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
	"ikz/store"
	"ikz/store/faultdisk"
)

// A failed save stays pending, is shown as "nicht gespeichert" with the
// reason, is retried, and no later success of another tab hides it: typing
// a note on a full disk (the database's real descriptor swapped for
// /dev/full) loses nothing once the disk has room again.
func TestAutosaveFailedSaveIsShownKeptAndRetried(t *testing.T) {
	path, st, held, sess := faultDiskSession(t, "Voll", func() time.Time { return shStart })
	d := tabDeps{store: st, styles: NewStyles(DefaultPalette()), now: func() time.Time { return shStart }, saves: &saveTracker{}}
	screen, _ := fakeSession(t)
	screen.d, screen.sess = d, sess
	status := func() string { return ansi.Strip(screen.statusView()) }

	notes := newAutosaver(d, sess.ID)
	quick := newAutosaver(d, sess.ID)
	const text = "Protokoll der Lenkungsgruppe: Einigung auf gemeinsame Ausschreibung"
	typeNote := func(n int) tea.Cmd {
		note := text[:n]
		return notes.queue("note:s.bedarf.ziele", func(s *model.Session) error {
			s.Notes = map[string]string{"s.bedarf.ziele": note}
			return nil
		})
	}

	var failures int
	for n := 1; n <= len(text); n++ {
		// After a failed commit the store reopens the file; the disk stays full.
		if err := held().Full(); err != nil {
			t.Fatal(err)
		}
		cmd := typeNote(n)
		if cmd == nil {
			t.Fatalf("keystroke %d: no save started although none is running", n)
		}
		msg, ok := cmd().(saveFailedMsg)
		if !ok {
			t.Fatalf("keystroke %d on a full disk: %T, want saveFailedMsg", n, msg)
		}
		failures++
		if msg.pending != 1 || !strings.Contains(msg.err.Error(), "voll") || msg.retryIn < time.Second {
			t.Fatalf("keystroke %d: pending %d, retry in %v, err %v", n, msg.pending, msg.retryIn, msg.err)
		}
		screen.Update(msg)
		if s := status(); !strings.HasPrefix(s, "nicht gespeichert") || !strings.Contains(s, "voll") {
			t.Fatalf("keystroke %d: status %q, want nicht gespeichert with the reason", n, s)
		}
	}
	if err := held().Heal(); err != nil {
		t.Fatal(err)
	}
	// Another tab saves successfully: the status must not say
	// "gespeichert" while the note is still pending.
	msg := quick.queue("quick:qc.s2", func(s *model.Session) error {
		s.QuickCheck = map[string]model.QuickEntry{"qc.s2": {Status: model.StatusErledigt}}
		return nil
	})()
	if _, ok := msg.(savedMsg); !ok {
		t.Fatalf("healthy save: %T %v", msg, msg)
	}
	screen.Update(msg)
	if s := status(); !strings.HasPrefix(s, "nicht gespeichert") {
		t.Fatalf("after another tab's success the status says %q while the note is pending", s)
	}
	// The retry (as the program sends it after retryIn) saves the note.
	m := &Model{d: d, screen: screenSession, session: screen}
	_, cmd := m.Update(retrySaveMsg{notes})
	if cmd == nil {
		t.Fatal("retry gave no command")
	}
	msg = cmd()
	if _, ok := msg.(savedMsg); !ok {
		t.Fatalf("retry: %T %v", msg, msg)
	}
	screen.Update(msg)
	if s := status(); !strings.HasPrefix(s, "gespeichert") {
		t.Errorf("after the retry the status is %q", s)
	}
	if p := d.saves.problem(); p != "" {
		t.Errorf("tracker still reports %q", p)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	re, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	got, err := re.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Notes["s.bedarf.ziele"] != text || got.QuickCheck["qc.s2"].Status != model.StatusErledigt {
		t.Errorf("after %d failed saves and one retry the file holds note %q, quick %v", failures, got.Notes["s.bedarf.ziele"], got.QuickCheck)
	}
}

// The program schedules the retry itself (also after the session screen
// is gone), and q with unsaved changes asks before quitting.
func TestUnsavedChangesRetryAndQuitGuard(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ikz.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sess := &model.Session{Title: "T", Profile: model.Profile{}}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	m := New(st, Config{Now: func() time.Time { return shStart }})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a := newAutosaver(m.d, sess.ID)
	st.Close() // every save fails now, as on a vanished disk
	fail := a.queue("x", func(*model.Session) error { return nil })()
	f, ok := fail.(saveFailedMsg)
	if !ok {
		t.Fatalf("save on a closed store: %T %v", fail, fail)
	}
	_, cmd := m.Update(f)
	if cmd == nil || !isTimer(cmd) {
		t.Error("a failed save does not schedule its retry on the start screen")
	}
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}})
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit with an unsaved change")
		}
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "nicht gespeichert") || !strings.Contains(v, "q noch einmal") {
		t.Errorf("no warning on the screen:\n%s", v)
	}
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}})
	if cmd == nil {
		t.Fatal("second q did nothing")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("second q does not quit")
	}
}

// The session's changer (z/Z history) keeps a change the disk refused and
// stores it on the retry, in order with the changes made meanwhile.
func TestChangerKeepsFailedChange(t *testing.T) {
	_, st, held, sess := faultDiskSession(t, "Voll", func() time.Time { return shStart })
	shown, err := st.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	d := tabDeps{store: st, styles: NewStyles(DefaultPalette()), now: func() time.Time { return shStart }, saves: &saveTracker{}}
	ch := newChanger(d, sess.ID)
	first := model.SetNoteChange(shown, "s.bedarf.ziele", "Beschluss vertagt")
	if err := first.Apply(shown); err != nil {
		t.Fatal(err)
	}
	if err := held().Full(); err != nil {
		t.Fatal(err)
	}
	msg, ok := ch.do(first)().(saveFailedMsg)
	if !ok || !strings.Contains(msg.err.Error(), "voll") || msg.pending != 1 {
		t.Fatalf("change on a full disk: %#v", msg)
	}
	if d.saves.problem() == "" {
		t.Error("the tracker does not know the unsaved change")
	}
	second := model.SetQuickChange(shown, "qc.s2", model.QuickEntry{Status: model.StatusErledigt})
	if err := held().Full(); err != nil { // the store reopened after the failure
		t.Fatal(err)
	}
	if again, ok := ch.do(second)().(saveFailedMsg); !ok || again.pending != 2 {
		t.Fatalf("second change on a full disk: %#v", again)
	}
	if err := held().Heal(); err != nil {
		t.Fatal(err)
	}
	if _, ok := ch.retry()().(savedMsg); !ok {
		t.Fatal("retry did not save")
	}
	got, err := st.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Notes["s.bedarf.ziele"] != "Beschluss vertagt" || got.QuickCheck["qc.s2"].Status != model.StatusErledigt {
		t.Errorf("after the retry: note %q, quick %v", got.Notes["s.bedarf.ziele"], got.QuickCheck)
	}
	if d.saves.problem() != "" || ch.unsaved() != 0 {
		t.Error("still reported as unsaved after the retry")
	}
}

// A change refused for itself (invalid) is reported once and dropped, not
// retried forever; a change queued behind it is still saved.
func TestAutosaveRefusedChangeNotRetried(t *testing.T) {
	e := newTabEnv(t, nil)
	e.d.saves = &saveTracker{}
	a := newAutosaver(e.d, e.id)
	cmd := a.queue("bad", func(*model.Session) error { return &model.FieldError{Field: "Notiz", Msg: "zu lang"} })
	a.queue("good", func(s *model.Session) error { s.Notes = map[string]string{"s.bedarf.ziele": "ok"}; return nil })
	msgs := e.run(nil, cmd)
	var errs, saved int
	for _, m := range msgs {
		switch m.(type) {
		case errMsg:
			errs++
		case savedMsg:
			saved++
		case saveFailedMsg:
			t.Errorf("an invalid change is kept for retrying: %v", m)
		}
	}
	if errs != 1 || saved != 1 || e.sess().Notes["s.bedarf.ziele"] != "ok" || a.unsaved() != 0 || e.d.saves.problem() != "" {
		t.Errorf("msgs %v, unsaved %d, problem %q", msgs, a.unsaved(), e.d.saves.problem())
	}
}

// On the way out, failed changes get one last try; what still fails is
// reported, not dropped.
func TestFlushOnExit(t *testing.T) {
	_, st, held, sess := faultDiskSession(t, "Ende", nil)
	d := tabDeps{store: st, now: time.Now, saves: &saveTracker{}}
	a := newAutosaver(d, sess.ID)
	save := func() tea.Msg {
		return a.queue("note", func(s *model.Session) error {
			s.Notes = map[string]string{"s.bedarf.ziele": "letzte Worte"}
			return nil
		})()
	}
	if err := held().Full(); err != nil {
		t.Fatal(err)
	}
	if _, ok := save().(saveFailedMsg); !ok {
		t.Fatal("save on a full disk did not fail")
	}
	if err := held().Full(); err != nil { // still full at exit
		t.Fatal(err)
	}
	if left := d.saves.flush(); !strings.Contains(left, "nicht gespeichert") || !strings.Contains(left, "voll") {
		t.Errorf("flush on a full disk: %q", left)
	}
	if err := held().Heal(); err != nil {
		t.Fatal(err)
	}
	if left := d.saves.flush(); left != "" {
		t.Errorf("flush after healing: %q", left)
	}
	got, err := st.Get(sess.ID)
	if err != nil || got.Notes["s.bedarf.ziele"] != "letzte Worte" {
		t.Errorf("after the last try: %v %v", got.Notes, err)
	}
}

// faultDiskSession opens a store file in t.TempDir() whose descriptor
// held() can swap for /dev/full (store clock now, nil for the real one),
// with one session titled title. It grows the file first, as months of
// use do: later saves then reuse free pages and bbolt does not remap (with
// the descriptor swapped it would read a size of 0, which a real full disk
// never reports).
func faultDiskSession(t *testing.T, title string, now func() time.Time) (path string, st *store.Store, held func() *faultdisk.File, sess *model.Session) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "ikz.db")
	open, held := faultdisk.Opener()
	st, err := store.OpenWith(path, store.Options{OpenFile: open, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); held().Release() })
	sess = &model.Session{Title: title, Profile: model.Profile{}}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	for _, note := range []string{strings.Repeat("x", 4<<20), ""} {
		if err := st.SetNote(sess.ID, "s.bedarf.ziele", note); err != nil {
			t.Fatal(err)
		}
	}
	return path, st, held, sess
}
