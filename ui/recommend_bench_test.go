package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkRecommendView measures one frame of the Empfehlung tab at 120x40
// (target: well under 1 ms). The scoring and the detail text are built when
// the session or the selection changes, not per frame.
func BenchmarkRecommendView(b *testing.B) {
	e := newTabEnv(b, richProfile)
	tb := newRecommendTab(e.d, e.sess())
	tb.SetSize(120, 40)
	if len(tb.View()) == 0 {
		b.Fatal("empty view")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = tb.View()
	}
}

// BenchmarkRecommendScreenView is the whole session screen (header, tabs,
// progress, status, help) with the Empfehlung tab in a 120x40 terminal.
func BenchmarkRecommendScreenView(b *testing.B) {
	e := newTabEnv(b, richProfile)
	m, _ := newSessionModel(e.d, e.sess())
	m.active = tabEmpfehlung
	m.SetSize(120, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}

// BenchmarkRecommendNavigate is a key press and the frame after it: the
// cursor moves to the next model, so the list and the detail are rebuilt.
func BenchmarkRecommendNavigate(b *testing.B) {
	e := newTabEnv(b, richProfile)
	var tb tab = newRecommendTab(e.d, e.sess())
	tb.SetSize(120, 40)
	keys := []tea.KeyMsg{kDown, kDown, kDown, kDown, kUp, kUp, kUp, kUp}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tb, _ = tb.Update(keys[i%len(keys)])
		_ = tb.View()
	}
}
