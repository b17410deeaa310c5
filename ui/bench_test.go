package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// benchSessions are n varied sessions: different Länder, a few answers,
// some notes and quick-check entries.
func benchSessions(n int) []*model.Session {
	lands := model.ProfileQuestions[0].Options
	out := make([]*model.Session, n)
	for i := range out {
		ph := model.Phases[i%len(model.Phases)]
		out[i] = &model.Session{
			Title:   fmt.Sprintf("Sitzung %05d – Schul-IT gemeinsam", i),
			Traeger: fmt.Sprintf("Stadt %d", i),
			Profile: model.Profile{
				"bundesland": {lands[i%len(lands)].Value},
				"umfang":     {[]string{"austausch", "einzelaufgaben", "aufgabenbereich", "gesamtbetrieb"}[i%4]},
			},
			Notes:      map[string]string{ph.Groups[0].Questions[0].ID: "Notiz"},
			QuickCheck: map[string]model.QuickEntry{ph.QuickItems[0].ID: {Status: model.StatusErledigt}},
		}
	}
	return out
}

// writeBenchDB fills a new database at path with n sessions in one import.
func writeBenchDB(tb testing.TB, path string, n int) {
	tb.Helper()
	st, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Import(benchSessions(n)); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkFirstFrame10000 measures model init to first frame with 10,000
// sessions in the database: New, the list command (summaries only), the
// first size and the View that shows the list. Target: under 10 ms.
func BenchmarkFirstFrame10000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	writeBenchDB(b, path, 10000)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := New(st, Config{})
		msg := m.Init()()
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m.Update(msg)
		if v := m.View(); !strings.Contains(v, "10000 gespeicherte Sitzungen") {
			b.Fatalf("first frame without the list:\n%s", v)
		}
	}
}

// BenchmarkFirstFrameUI10000 is the screen's share of the first frame: the
// 10,000 summaries are already read; New, the list message, the first size
// and the View.
func BenchmarkFirstFrameUI10000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	writeBenchDB(b, path, 10000)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	msg := New(st, Config{}).Init()()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := New(st, Config{})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m.Update(msg)
		if v := m.View(); !strings.Contains(v, "10000 gespeicherte Sitzungen") {
			b.Fatalf("first frame without the list:\n%s", v)
		}
	}
}

// BenchmarkLoadingFrame is the very first frame, drawn before the list has
// been read: New, the first size and the View.
func BenchmarkLoadingFrame(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := New(st, Config{})
		_ = m.Init() // the list is read in this command, after the frame
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if v := m.View(); !strings.Contains(v, "Sitzungen werden geladen") {
			b.Fatalf("unexpected first frame:\n%s", v)
		}
	}
}

// TestWriteBenchDB writes a database with 10,000 sessions for measuring the
// whole process by hand (see README): IKZ_BENCH_DB=/tmp/10k.db go test ./ui -run TestWriteBenchDB
func TestWriteBenchDB(t *testing.T) {
	path := os.Getenv("IKZ_BENCH_DB")
	if path == "" {
		t.Skip("IKZ_BENCH_DB not set")
	}
	writeBenchDB(t, path, 10000)
}
