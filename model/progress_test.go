package model

import "testing"

func TestProgress(t *testing.T) {
	q := func(s QuickStatus) QuickEntry { return QuickEntry{Status: s} }
	cases := []struct {
		name string
		s    *Session
		// done counts per phase: quick items, notes
		quick, notes [3]int
	}{
		{name: "nil session", s: nil},
		{name: "empty session", s: &Session{}},
		{
			name: "only erledigt and nicht relevant count",
			s: &Session{QuickCheck: map[string]QuickEntry{
				"qc.s1": q(StatusErledigt),
				"qc.s2": q(StatusNichtRelev),
				"qc.s3": q(StatusInArbeit),
				"qc.s4": q(StatusOffen),
				"qc.s5": {Note: "nur eine Notiz"},
				"qc.r1": q(StatusErledigt),
				"qc.v2": q(StatusNichtRelev),
			}},
			quick: [3]int{2, 1, 1},
		},
		{
			name: "blank notes do not count",
			s: &Session{Notes: map[string]string{
				"s.bedarf.aufgaben":      "Support an Grundschulen",
				"s.bedarf.ziele":         "   ",
				"s.partner.naehe":        "\n\t",
				"s.akteure.politik":      " Kreistag im Mai ",
				"r.umsetzung.kanaele":    "Chat + Jour fixe",
				"v.bewertung.governance": "",
			}},
			notes: [3]int{2, 1, 0},
		},
		{
			name: "unknown, retired and evaluation IDs are ignored",
			s: &Session{
				Notes:      map[string]string{"s.alt": "x", "eval.ziele": "ja", "qc.s1": "x", "v.bewertung.ziele": "teilweise"},
				QuickCheck: map[string]QuickEntry{"qc.s9": q(StatusErledigt), "s.bedarf.ziele": q(StatusErledigt)},
				Retired:    map[string]RetiredAnswer{"qc.s1": {Kind: "quick", Value: "erledigt"}},
			},
			notes: [3]int{0, 0, 1},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Progress(c.s)
			for i, ph := range Phases {
				want := PhaseProgress{
					Phase:      ph.ID,
					QuickDone:  c.quick[i],
					QuickTotal: len(ph.QuickItems),
					NotesDone:  c.notes[i],
					NotesTotal: countQuestions(ph),
				}
				if got[i] != want {
					t.Errorf("Phase %q: %+v, erwartet %+v", ph.ID, got[i], want)
				}
			}
		})
	}
}

func countQuestions(ph Phase) int {
	n := 0
	for _, g := range ph.Groups {
		n += len(g.Questions)
	}
	return n
}

func TestProgressFullSession(t *testing.T) {
	s := &Session{Notes: map[string]string{}, QuickCheck: map[string]QuickEntry{}}
	for _, id := range AllGuidingQuestionIDs() {
		s.Notes[id] = "notiert"
	}
	for _, id := range AllQuickItemIDs() {
		s.QuickCheck[id] = QuickEntry{Status: StatusErledigt}
	}
	for _, p := range Progress(s) {
		if p.QuickDone != p.QuickTotal || p.NotesDone != p.NotesTotal || p.QuickTotal == 0 || p.NotesTotal == 0 {
			t.Errorf("Phase %q nicht vollständig: %+v", p.Phase, p)
		}
	}
}

func TestPhaseProgressString(t *testing.T) {
	cases := []struct {
		p    PhaseProgress
		want string
	}{
		{PhaseProgress{QuickDone: 2, QuickTotal: 5, NotesDone: 3, NotesTotal: 8}, "2/5 · 3/8 Fragen"},
		{PhaseProgress{QuickTotal: 2, NotesTotal: 4}, "0/2 · 0/4 Fragen"},
		{PhaseProgress{QuickDone: 11, QuickTotal: 11, NotesDone: 16, NotesTotal: 16}, "11/11 · 16/16 Fragen"},
	}
	for _, c := range cases {
		if got := c.p.String(); got != c.want {
			t.Errorf("%+v.String() = %q, erwartet %q", c.p, got, c.want)
		}
	}
}

func TestProgressDoesNotAllocate(t *testing.T) {
	s := benchSession()
	if n := testing.AllocsPerRun(100, func() { _ = Progress(s) }); n != 0 {
		t.Errorf("Progress alloziert %.0f-mal pro Aufruf, erwartet 0", n)
	}
}

// benchSession is a session with about half of everything filled in.
func benchSession() *Session {
	s := &Session{Notes: map[string]string{}, QuickCheck: map[string]QuickEntry{}}
	for i, id := range AllGuidingQuestionIDs() {
		if i%2 == 0 {
			s.Notes[id] = "  eine Notiz mit etwas Text  "
		}
	}
	for i, id := range AllQuickItemIDs() {
		s.QuickCheck[id] = QuickEntry{Status: QuickStatus(QuickStatuses[i%len(QuickStatuses)].Value)}
	}
	return s
}

func BenchmarkProgress(b *testing.B) {
	s := benchSession()
	b.ReportAllocs()
	for b.Loop() {
		_ = Progress(s)
	}
}
