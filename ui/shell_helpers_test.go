package ui

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"ikz/model"
	"ikz/store"
)

// Test helpers for the shell (root model, start screen, new-session form,
// session screen). Names start with sh to stay clear of the tab tests.

func init() {
	// Stable goldens: no colour, a fixed background, dates in UTC.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	displayZone = time.UTC
}

// shStart is when the shell tests' clock starts.
var shStart = time.Date(2026, 11, 21, 14, 3, 0, 0, time.UTC)

// shClock is a settable clock: the store reads it however often it likes,
// the tests decide when time moves.
type shClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *shClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *shClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// shIDs hands out IDs s0001, s0002, …
func shIDs() func() string {
	var mu sync.Mutex
	n := 0
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		n++
		return fmt.Sprintf("s%04d", n)
	}
}

// shOpen opens a store at path with a settable clock and stable IDs.
func shOpen(t testing.TB, path string) (*store.Store, *shClock) {
	t.Helper()
	c := &shClock{t: shStart}
	st, err := store.OpenWith(path, store.Options{Now: c.now, NewID: shIDs()})
	if err != nil {
		t.Fatal(err)
	}
	return st, c
}

// shStore opens a fresh store in a temp dir holding sessions, created one
// minute apart.
func shStore(t testing.TB, sessions ...*model.Session) *store.Store {
	t.Helper()
	st, c := shOpen(t, filepath.Join(t.TempDir(), "ikz.db"))
	t.Cleanup(func() { st.Close() })
	for i, s := range sessions {
		c.set(shStart.Add(time.Duration(i+1) * time.Minute))
		if err := st.Create(s); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// shSessions is a small, varied set of sessions for the list.
func shSessions() []*model.Session {
	return []*model.Session{
		{Title: "Schul-IT gemeinsam 2026", Traeger: "Kreis Lippe",
			Profile: model.Profile{"bundesland": {"NW"}, "traeger": {"landkreis"}, "umfang": {"gesamtbetrieb"}},
			Notes:   map[string]string{}, QuickCheck: map[string]model.QuickEntry{}},
		{Title: "Support-Verbund Nord", Traeger: "Stadt Flensburg",
			Profile: model.Profile{"bundesland": {"SH"}, "umfang": {"austausch"}, "verbindlichkeit": {"gering"}}},
		{Title: "Medienentwicklungsplan Süd – eine Sitzung mit einem sehr langen Titel, der nicht passt",
			Profile: model.Profile{}},
	}
}

// shApp builds the root model on st with a fixed clock and the first size.
func shApp(t testing.TB, st *store.Store, w, h int) *Model {
	t.Helper()
	m := New(st, Config{Now: func() time.Time { return shStart.Add(2 * time.Second) }})
	shSend(t, m, m.Init())
	shSend(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// shSend hands msgs (or, for a tea.Cmd, its results) to m one after the
// other; after each it runs the commands that come back, as the program
// would, until nothing is left — a person types slower than commands run.
func shSend(t testing.TB, m *Model, msgs ...any) {
	t.Helper()
	for _, x := range msgs {
		var queue []tea.Msg
		switch v := x.(type) {
		case tea.Cmd:
			queue = shRun(v)
		case nil:
		default:
			queue = []tea.Msg{v}
		}
		for steps := 0; len(queue) > 0; steps++ {
			if steps > 5000 {
				t.Fatal("message loop does not settle")
			}
			msg := queue[0]
			queue = queue[1:]
			_, cmd := m.Update(msg)
			queue = append(queue, shRun(cmd)...)
		}
	}
}

// shRun executes cmd, following batches and sequences. Timers (cursor
// blinks, ticks) are dropped without waiting; so are quit and window-size
// requests. Every other command is waited for — a save on a busy machine
// may take a while, and dropping it would make tests flaky — up to a
// limit that only a command that never answers reaches.
func shRun(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || isTimer(cmd) {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(10 * time.Second):
		return nil
	}
	if msg == nil {
		return nil
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out = append(out, shRun(c)...)
		}
		return out
	}
	switch msg.(type) {
	case tea.QuitMsg, tea.InterruptMsg:
		return nil
	}
	if fmt.Sprintf("%T", msg) == "tea.windowSizeMsg" {
		return nil // a request for the size; the tests send sizes themselves
	}
	return []tea.Msg{msg}
}

// timerCmds name the commands that only wait for time to pass.
var timerCmds = []string{
	"github.com/charmbracelet/bubbles/cursor.(*Model).BlinkCmd",
	"github.com/charmbracelet/bubbletea.Tick",
	"github.com/charmbracelet/bubbletea.Every",
}

func isTimer(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	for _, t := range timerCmds {
		if strings.HasPrefix(name, t+".") {
			return true
		}
	}
	return false
}

func shKey(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// shType returns one key message per rune.
func shType(s string) []any {
	var out []any
	for _, r := range s {
		out = append(out, shKey(string(r)))
	}
	return out
}

// shKeys turns key names into messages.
func shKeys(names ...string) []any {
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = shKey(n)
	}
	return out
}

// shCheckFits fails when a frame is wider or taller than the terminal.
func shCheckFits(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %d is %d wide: %q", w, h, i+1, lw, ansi.Strip(l))
		}
	}
}
