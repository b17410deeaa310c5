package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

// BenchmarkNoteKeystroke is one keystroke in the open note of a guiding
// question (Sondierung, 160x45, a note of 600 characters): the editor,
// the draft (JSON, compared, queued: the write itself runs off the
// program's loop) and the frame. "without draft" is the same editor with
// drafting off, for the difference; "stored" runs the draft write too,
// as if every keystroke got one of its own (fsync included), which
// coalescing avoids when keys come faster than writes.
func BenchmarkNoteKeystroke(b *testing.B) {
	for _, mode := range []string{"with draft", "without draft", "stored"} {
		b.Run(mode, func(b *testing.B) {
			e := newTabEnv(b, nil)
			p, _ := model.PhaseByID(model.PhaseSondierung)
			id := p.Groups[0].Questions[0].ID
			if _, err := e.st.Update(e.id, func(s *model.Session) error {
				s.Notes = map[string]string{id: strings.Repeat("Support an 38 Schulen, Beschaffung. ", 17)}
				return nil
			}); err != nil {
				b.Fatal(err)
			}
			tb := newPhaseTab(e.d, e.sess(), model.PhaseSondierung)
			if mode == "without draft" {
				tb.(*phaseTab).ed.drafts = nil
			}
			tb.SetSize(160, 45)
			tb = e.send(tb, kEnter)
			tb = e.send(tb, typed(" Neu")...) // the note differs from the stored one
			keys := []tea.Msg{kRunes("x"), kBackspace}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				var cmd tea.Cmd
				tb, cmd = tb.Update(keys[i%2])
				_ = tb.View()
				if mode == "stored" {
					e.run(tb, cmd)
				}
			}
		})
	}
}

// BenchmarkRowDraftSync is the drafting part of a keystroke alone: the
// value to JSON, compared with the last one, queued (the write runs off
// the program's loop and is not part of it).
func BenchmarkRowDraftSync(b *testing.B) {
	e := newTabEnv(b, nil)
	var l editList
	l.keepDrafts(e.d, e.id, "bench")
	note := strings.Repeat("Support an 38 Schulen, Beschaffung. ", 17)
	ed := &rowEditor{id: "q", value: &note}
	l.drafts.open(ed)
	// The first write's command is never run: the later ones only queue
	// behind it, as while a write is under way.
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		note = note[:len(note)-1] + string(rune('x'+i%2))
		l.drafts.sync(ed)
	}
}
