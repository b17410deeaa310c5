package model

import (
	"strconv"
	"strings"
)

// PhaseProgress counts what is done in one phase: quick-check items settled
// and guiding questions with a note.
type PhaseProgress struct {
	Phase                 PhaseID
	QuickDone, QuickTotal int
	NotesDone, NotesTotal int
}

// Progress returns the progress of the three phases in catalogue order. A
// quick item is done when it is erledigt or nicht relevant; a note counts
// when it is not blank. Answers to IDs outside the catalogue are ignored.
// It only reads maps and does not allocate: the store calls it on every save.
func Progress(s *Session) [3]PhaseProgress {
	var quick map[string]QuickEntry
	var notes map[string]string
	if s != nil {
		quick, notes = s.QuickCheck, s.Notes // lookups in nil maps are fine
	}
	var out [3]PhaseProgress
	for i := range out {
		if i >= len(Phases) {
			break
		}
		ph := &Phases[i]
		p := &out[i]
		p.Phase = ph.ID
		p.QuickTotal = len(ph.QuickItems)
		for _, it := range ph.QuickItems {
			if st := quick[it.ID].Status; st == StatusErledigt || st == StatusNichtRelev {
				p.QuickDone++
			}
		}
		for _, g := range ph.Groups {
			p.NotesTotal += len(g.Questions)
			for _, q := range g.Questions {
				if strings.TrimSpace(notes[q.ID]) != "" {
					p.NotesDone++
				}
			}
		}
	}
	return out
}

// String renders the progress compactly, e.g. "2/5 · 3/8 Fragen"
// (quick-check items, then guiding questions with a note).
func (p PhaseProgress) String() string {
	b := make([]byte, 0, 24)
	b = strconv.AppendInt(b, int64(p.QuickDone), 10)
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(p.QuickTotal), 10)
	b = append(b, " · "...)
	b = strconv.AppendInt(b, int64(p.NotesDone), 10)
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(p.NotesTotal), 10)
	b = append(b, " Fragen"...)
	return string(b)
}
