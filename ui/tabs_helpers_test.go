package ui

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"ikz/model"
	"ikz/store"
)

// Test helpers for the Profil, phase and Empfehlung tabs: a real store in
// a temp dir, and a driver that plays the session screen (runs commands,
// turns savedMsg into sessionLoadedMsg, records jumps).

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

// tabClock is the fixed time of the tab tests.
var tabClock = time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)

type tabEnv struct {
	t     testing.TB
	st    *store.Store
	d     tabDeps
	id    string
	jumps []jumpMsg
	errs  []error
	saves int
	// onMsg, when set, sees every message the commands produce (the
	// crash test acknowledges draft writes with it).
	onMsg func(tea.Msg)
}

// newTabEnv opens a store in a temp dir and creates a session with profile p.
func newTabEnv(t testing.TB, p model.Profile) *tabEnv {
	t.Helper()
	st, err := store.OpenWith(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: func() time.Time { return tabClock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sess := &model.Session{Title: "Test", Traeger: "Stadt Musterstadt", Profile: p}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	d := tabDeps{store: st, styles: NewStyles(DefaultPalette()), now: func() time.Time { return tabClock }}
	d.changes = newChanger(d, sess.ID)
	return &tabEnv{t: t, st: st, id: sess.ID, d: d}
}

// sess reads the session as stored right now.
func (e *tabEnv) sess() *model.Session {
	e.t.Helper()
	s, err := e.st.Get(e.id)
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

// send hands msgs to tb one after the other, running the commands each
// returns as the program would, and returns the updated tab.
func (e *tabEnv) send(tb tab, msgs ...tea.Msg) tab {
	e.t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		tb, cmd = tb.Update(msg)
		tb = e.settle(tb, e.run(tb, cmd))
	}
	return tb
}

// settle plays the session screen for the messages that commands produced.
func (e *tabEnv) settle(tb tab, queue []tea.Msg) tab {
	e.t.Helper()
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 2000 {
			e.t.Fatal("message loop does not settle")
		}
		msg := queue[0]
		queue = queue[1:]
		if e.onMsg != nil {
			e.onMsg(msg)
		}
		switch m := msg.(type) {
		case savedMsg:
			e.saves++
			msg = sessionLoadedMsg{m.sess}
		case errMsg:
			e.errs = append(e.errs, m.err)
			e.t.Errorf("save failed: %v", m.err)
			continue
		case jumpMsg:
			e.jumps = append(e.jumps, m)
			continue
		}
		var cmd tea.Cmd
		tb, cmd = tb.Update(msg)
		queue = append(queue, e.run(tb, cmd)...)
	}
	return tb
}

// run executes cmd, and the commands of batches and sequences, all at
// once, and waits for every one of them — a save on a busy machine may take
// a while. Timers (cursor blinks) are dropped without waiting.
func (e *tabEnv) run(tb tab, cmd tea.Cmd) []tea.Msg {
	results := make(chan tea.Msg, 64)
	pending := 0
	start := func(c tea.Cmd) {
		if c != nil && !isTimer(c) {
			pending++
			go func() { results <- c() }()
		}
	}
	start(cmd)
	var out []tea.Msg
	for pending > 0 {
		select {
		case msg := <-results:
			pending--
			// tea.Batch and tea.Sequence both deliver a slice of commands.
			if v := reflect.ValueOf(msg); msg != nil && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				for i := 0; i < v.Len(); i++ {
					c, _ := v.Index(i).Interface().(tea.Cmd)
					start(c)
				}
			} else if msg != nil {
				out = append(out, msg)
			}
		case <-time.After(10 * time.Second):
			e.t.Fatalf("%T: a command has not answered in 10 s", tb)
		}
	}
	return out
}

func (a *autosaver) idle() bool {
	if a == nil {
		return true
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return !a.running
}

// Keys.
var (
	kUp    = tea.KeyMsg{Type: tea.KeyUp}
	kDown  = tea.KeyMsg{Type: tea.KeyDown}
	kLeft  = tea.KeyMsg{Type: tea.KeyLeft}
	kRight = tea.KeyMsg{Type: tea.KeyRight}
	kEnter = tea.KeyMsg{Type: tea.KeyEnter}
	kEsc   = tea.KeyMsg{Type: tea.KeyEsc}
	kSpace = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}

	kBackspace = tea.KeyMsg{Type: tea.KeyBackspace}
	kDelete    = tea.KeyMsg{Type: tea.KeyDelete}
)

func kRunes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// typed returns one key message per rune, as a person types.
func typed(s string) []tea.Msg {
	out := make([]tea.Msg, 0, len(s))
	for _, r := range s {
		out = append(out, kRunes(string(r)))
	}
	return out
}

func repeat(k tea.Msg, n int) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// plain is the view without styles.
func plain(tb tab) string { return ansi.Strip(tb.View()) }

// assertFits fails when the view is wider or taller than w×h.
func assertFits(t *testing.T, what string, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines, box has %d", what, len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%s: line %d is %d wide, box is %d: %q", what, i+1, n, w, ansi.Strip(l))
		}
	}
}

// boxSizes are content boxes from 80x24 up to a wide screen.
var boxSizes = [][2]int{{78, 16}, {80, 14}, {98, 22}, {100, 21}, {120, 32}, {158, 37}}

func ansiStrip(s string) string { return ansi.Strip(s) }

func itoa(n int) string { return strconv.Itoa(n) }

// smallBoxes are content boxes the session screen can hand out when the
// full help takes most of a small terminal.
var smallBoxes = [][2]int{{80, 1}, {80, 2}, {78, 4}, {100, 3}, {160, 5}}
