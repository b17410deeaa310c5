package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// exportSession opens the session screen of a fresh session; x then
// writes into dir.
func exportSession(t *testing.T) (*sessionModel, *tabEnv, string) {
	t.Helper()
	sess := rvSession()
	sess.Title = `Verbund Auental <b>2026</b>`
	sess.Measures = rvMeasures()
	e := rvEnv(t, sess)
	m, _ := newSessionModel(e.d, e.sess())
	m.SetSize(100, 30)
	return m, e, t.TempDir()
}

// press sends keys to the session screen and feeds the messages of the
// commands back until nothing answers within 250 ms (cursor blinks, which
// take longer, are dropped; writing a report takes a few milliseconds).
func press(m *sessionModel, keys ...tea.KeyMsg) {
	for _, k := range keys {
		queue := []tea.Cmd{m.Update(k)}
		for steps := 0; len(queue) > 0 && steps < 1000; steps++ {
			var msgs []tea.Msg
			for _, c := range queue {
				msgs = append(msgs, runWithin(c, 250*time.Millisecond)...)
			}
			queue = queue[:0]
			for _, msg := range msgs {
				queue = append(queue, m.Update(msg))
			}
		}
	}
}

// runWithin runs cmd (following batches) and returns the messages that
// arrive within d.
func runWithin(cmd tea.Cmd, d time.Duration) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		switch msg := msg.(type) {
		case nil:
			return nil
		case tea.BatchMsg:
			var out []tea.Msg
			for _, c := range msg {
				out = append(out, runWithin(c, d)...)
			}
			return out
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			var out []tea.Msg
			for i := 0; i < v.Len(); i++ {
				c, _ := v.Index(i).Interface().(tea.Cmd)
				out = append(out, runWithin(c, d)...)
			}
			return out
		}
		return []tea.Msg{msg}
	case <-time.After(d):
		return nil
	}
}

// setPath puts p into the dialog's field (as if typed over the proposal).
func setPath(m *sessionModel, dir, p string) {
	m.export.dir = dir
	*m.export.path = p
	m.export.buildForm()
}

func TestExportDialogWritesAndAsksBeforeOverwrite(t *testing.T) {
	m, _, dir := exportSession(t)
	press(m, kRunes("x"))
	if m.export == nil || !m.capturing() {
		t.Fatal("x did not open the report dialog")
	}
	m.export.dir = dir
	name := "verbund-auental-b-2026-b-2026-11-21.html"
	if v := ansi.Strip(m.View()); !strings.Contains(v, name) || !strings.Contains(v, "Bericht speichern unter") {
		t.Fatalf("the dialog does not propose %s:\n%s", name, v)
	}
	press(m, kEnter)
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "<html") || !strings.Contains(string(data), "&lt;b&gt;2026&lt;/b&gt;") {
		t.Fatalf("report not written as escaped HTML to %s (err %v)", path, err)
	}
	if v := ansi.Strip(m.View()); m.export != nil || !strings.Contains(v, "Bericht gespeichert: …") || !strings.Contains(v, name) {
		t.Errorf("after writing: dialog open %v, status line:\n%s", m.export != nil, v)
	}

	// Again: the file exists, the dialog asks; n keeps it.
	if err := os.WriteFile(path, []byte("unsere Fassung"), 0o644); err != nil {
		t.Fatal(err)
	}
	press(m, kRunes("x"))
	m.export.dir = dir
	press(m, kEnter)
	if v := ansi.Strip(m.View()); m.export == nil || m.export.confirm != path || !strings.Contains(v, "gibt es schon") {
		t.Fatalf("no question before overwriting:\n%s", v)
	}
	press(m, kRunes("n"))
	if m.export == nil || m.export.confirm != "" {
		t.Fatal("n did not go back to the file name")
	}
	press(m, kEsc)
	if m.export != nil {
		t.Fatal("esc did not close the dialog")
	}
	if got, _ := os.ReadFile(path); string(got) != "unsere Fassung" {
		t.Fatal("the file was overwritten without a yes")
	}

	// j replaces it.
	press(m, kRunes("x"))
	m.export.dir = dir
	press(m, kEnter, kRunes("j"))
	if got, _ := os.ReadFile(path); !strings.Contains(string(got), "<html") {
		t.Errorf("j did not replace the file: %q", got)
	}
}

func TestExportDialogFormatsAndErrors(t *testing.T) {
	m, _, dir := exportSession(t)
	retype := func(path string) {
		press(m, kRunes("x"))
		setPath(m, dir, path)
		press(m, kEnter)
	}

	retype("bericht.txt")
	if v := ansi.Strip(m.View()); m.export == nil || !strings.Contains(v, "auf .html") || !strings.Contains(v, ".md") {
		t.Fatalf("a .txt name is not refused with a hint:\n%s", v)
	}
	if _, err := os.Stat(filepath.Join(dir, "bericht.txt")); err == nil {
		t.Fatal("a .txt file was written")
	}
	press(m, kEsc)

	retype("protokoll.md")
	md, err := os.ReadFile(filepath.Join(dir, "protokoll.md"))
	if err != nil || !strings.HasPrefix(string(md), "# ") || strings.Contains(string(md), "<html") {
		t.Fatalf("protokoll.md is not Markdown (err %v): %.80q", err, md)
	}

	missing := filepath.Join(dir, "fehlt", "bericht.html")
	retype(missing)
	if v := ansi.Strip(m.View()); m.export == nil || !strings.Contains(v, "gibt es nicht") {
		t.Fatalf("a missing folder is not explained in the dialog:\n%s", v)
	}
}

func TestExportKeyOnlyWhenNotTyping(t *testing.T) {
	m, _, _ := exportSession(t)
	press(m, kRunes("6"), kRunes("a")) // Maßnahmen: the form of a new measure has the keyboard
	if !m.capturing() {
		t.Fatal("the measure form did not open")
	}
	press(m, kRunes("x"))
	if m.export != nil {
		t.Error("x opened the report dialog while typing a title")
	}
}

func TestSlugify(t *testing.T) {
	cases := map[string]string{
		"Schul-IT gemeinsam 2026":       "schul-it-gemeinsam-2026",
		"Größere Übung für Ämter":       "groessere-uebung-fuer-aemter",
		"  ../../etc/passwd  ":          "etc-passwd",
		"<script>":                      "script",
		"":                              "",
		strings.Repeat("sehr lang ", 9): "sehr-lang-sehr-lang-sehr-lang-sehr-lang-sehr-lan",
	}
	for in, want := range cases {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
	if got := defaultExportName("", "2026-11-21"); got != "ikz-bericht-2026-11-21.html" {
		t.Errorf("name for an empty title: %q", got)
	}
}

func TestExportKeyLeavesInnerLevelsAlone(t *testing.T) {
	m, _, _ := exportSession(t)
	fakes := &fakeTab{name: "Profil", wantsEsc: true} // e.g. a multiselect is open: x toggles
	m.tabs[0], m.active = fakes, 0
	press(m, kRunes("x"))
	if m.export != nil {
		t.Fatal("x opened the report dialog over an open field")
	}
	if got := fakes.keys(); len(got) != 1 || got[0] != "x" {
		t.Errorf("the tab got %v, want the x", got)
	}
	fakes.wantsEsc = false
	press(m, kRunes("x"))
	if m.export == nil {
		t.Error("x does not open the dialog on the plain tab")
	}
}
