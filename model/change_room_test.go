package model

import (
	"errors"
	"slices"
	"testing"
)

// roomBase is a workshop with three municipalities, answers, comments and
// facilitation state in every slot the room changes touch.
func roomBase(t *testing.T) *Session {
	t.Helper()
	s := changeBase()
	for _, n := range []string{"Stadt Lemgo", "Gemeinde Dörentrup", "Stadt Lemgoo"} {
		if _, err := s.AddParticipant(n); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetParticipantAnswer("p1", "bundesland", Answer{"NW"}))
	must(s.SetParticipantAnswer("p3", "bundesland", Answer{"HE"}))
	must(s.SetParticipantAnswer("p3", "leistungskraft", Answer{"hoch"}))
	must(s.SetParticipantAnswer("p2", "leistungskraft", Answer{"hoch"}))
	must(s.SetParticipantQuick("p3", "qc.s2", StatusErledigt))
	must(s.SetParticipantQuick("p2", "qc.s2", StatusErledigt))
	must(s.SetParticipantComment("p3", "leistungskraft", "kleines Team"))
	must(s.SetParticipantComment("p1", "bundesland", "klar"))
	s.SetBlind(true)
	must(s.Reveal("bundesland", true))
	must(s.Lock("leistungskraft", true))
	must(s.SetReason("bundesland", "Sitz des Kreises"))
	return s
}

// Every room change, applied and then undone by its inverse, leaves the
// session as it was; its redo gives the changed session again.
func TestRoomChangeInverse(t *testing.T) {
	ok := func(c Change, err error) Change {
		if err != nil {
			panic(err)
		}
		return c
	}
	cases := []struct {
		name string
		make func(s *Session) Change
	}{
		{"answer", func(s *Session) Change { return SetParticipantAnswerChange(s, "p1", "bundesland", Answer{"BY"}) }},
		{"answer new", func(s *Session) Change { return SetParticipantAnswerChange(s, "p2", "bundesland", Answer{"NW"}) }},
		{"answer cleared", func(s *Session) Change { return SetParticipantAnswerChange(s, "p1", "bundesland", nil) }},
		{"quick", func(s *Session) Change { return SetParticipantQuickChange(s, "p1", "qc.s2", StatusInArbeit) }},
		{"quick cleared", func(s *Session) Change { return SetParticipantQuickChange(s, "p3", "qc.s2", "") }},
		{"comment", func(s *Session) Change { return SetParticipantCommentChange(s, "p1", "bundesland", "doch nicht") }},
		{"comment cleared", func(s *Session) Change { return SetParticipantCommentChange(s, "p1", "bundesland", "") }},
		{"add", func(s *Session) Change { return ok(AddParticipantChange(s, "Stadt Detmold")) }},
		{"rename", func(s *Session) Change { return ok(RenameParticipantChange(s, "p3", "Stadt Horn")) }},
		{"absent", func(s *Session) Change { return SetAbsentChange(s, "p2", true) }},
		{"remove first", func(s *Session) Change { return ok(RemoveParticipantChange(s, "p1")) }},
		{"remove middle", func(s *Session) Change { return ok(RemoveParticipantChange(s, "p2")) }},
		{"merge", func(s *Session) Change { return ok(MergeParticipantChange(s, "p3", "p1")) }},
		{"merge into one with a gap only", func(s *Session) Change { return ok(MergeParticipantChange(s, "p2", "p3")) }},
		{"blind off", func(s *Session) Change { return SetBlindChange(s, false) }},
		{"blind on again hides the revealed", func(s *Session) Change {
			s.Workshop.Blind = false
			return SetBlindChange(s, true)
		}},
		{"reveal", func(s *Session) Change { return RevealChange(s, "qc.s2", true) }},
		{"hide again", func(s *Session) Change { return RevealChange(s, "bundesland", false) }},
		{"lock", func(s *Session) Change { return LockChange(s, "bundesland", true) }},
		{"unlock", func(s *Session) Change { return LockChange(s, "leistungskraft", false) }},
		{"reason", func(s *Session) Change { return ok(SetReasonChange(s, "qc.s2", "weil")) }},
		{"joint rating offen", func(s *Session) Change { return SetQuickAgreedChange(s, "qc.s1", StatusOffen) }},
		{"joint rating over a note", func(s *Session) Change {
			s.QuickCheck["qc.s1"] = QuickEntry{Status: StatusOffen, Note: "n"}
			return SetQuickAgreedChange(s, "qc.s1", StatusErledigt)
		}},
		{"joint rating cleared", func(s *Session) Change { return SetQuickAgreedChange(s, "qc.s2", "") }},
		{"reason cleared", func(s *Session) Change { return ok(SetReasonChange(s, "bundesland", " ")) }},
		{"adopt all", func(s *Session) Change {
			s.Participant("p1").Profile["leistungskraft"] = Answer{"hoch"}
			delete(s.QuickCheck, "qc.s2")
			s.Participant("p1").QuickCheck = map[string]QuickStatus{"qc.s2": StatusErledigt}
			c, n := AdoptUnanimousChange(s)
			if n != 2 { // leistungskraft: hoch ×3, qc.s2: erledigt ×3
				panic(n)
			}
			return c
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := roomBase(t)
			delete(s.Profile, "leistungskraft")
			ch := c.make(s)
			before := dump(t, s)
			if ch.Empty() {
				t.Fatal("change is empty")
			}
			if err := ch.Apply(s); err != nil {
				t.Fatal(err)
			}
			after := dump(t, s)
			if after == before {
				t.Fatal("apply changed nothing")
			}
			if err := ch.Inverse().Apply(s); err != nil {
				t.Fatalf("undo: %v", err)
			}
			if got := dump(t, s); got != before {
				t.Errorf("undo:\n%s\nwant\n%s", got, before)
			}
			if err := ch.Redo().Apply(s); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if got := dump(t, s); got != after {
				t.Errorf("redo:\n%s\nwant\n%s", got, after)
			}
		})
	}
}

// The room changes do what the session's own methods do.
func TestRoomChangeLikeMethods(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(s *Session) (Change, error)
		method func(s *Session) error
	}{
		{"merge", func(s *Session) (Change, error) { return MergeParticipantChange(s, "p3", "p1") },
			func(s *Session) error { return s.MergeParticipant("p3", "p1") }},
		{"remove", func(s *Session) (Change, error) { return RemoveParticipantChange(s, "p2") },
			func(s *Session) error { return s.RemoveParticipant("p2") }},
		{"add", func(s *Session) (Change, error) { return AddParticipantChange(s, " Stadt Detmold ") },
			func(s *Session) error { _, err := s.AddParticipant(" Stadt Detmold "); return err }},
		{"blind on", func(s *Session) (Change, error) { return SetBlindChange(s, true), nil },
			func(s *Session) error { s.SetBlind(true); return nil }},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := roomBase(t), roomBase(t)
			ch, err := c.change(a)
			if err != nil {
				t.Fatal(err)
			}
			if err := ch.Apply(a); err != nil {
				t.Fatal(err)
			}
			if err := c.method(b); err != nil {
				t.Fatal(err)
			}
			if got, want := dump(t, a), dump(t, b); got != want {
				t.Errorf("change:\n%s\nmethod:\n%s", got, want)
			}
		})
	}
}

// Undoing a merge takes back only what it filled in: an answer the
// municipality gave since stays; a gap filled by the merge and changed
// since refuses the undo (it would overwrite the newer answer).
func TestMergeUndoKeepsNewerAnswers(t *testing.T) {
	s := roomBase(t)
	c, err := MergeParticipantChange(s, "p3", "p1")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Apply(s); err != nil {
		t.Fatal(err)
	}
	if err := s.SetParticipantAnswer("p1", "traeger", Answer{"landkreis"}); err != nil { // answered after the merge
		t.Fatal(err)
	}
	if err := c.Inverse().Apply(s); err != nil {
		t.Fatalf("undo: %v", err)
	}
	if s.Participant("p3") == nil || s.Participants[2].ID != "p3" {
		t.Fatalf("the merged municipality is not back in its place: %+v", s.Participants)
	}
	p1 := s.Participant("p1")
	if _, ok := p1.Profile["leistungskraft"]; ok {
		t.Error("the answer the merge filled in stayed")
	}
	if !p1.Profile.Is("traeger", "landkreis") || !p1.Profile.Is("bundesland", "NW") {
		t.Errorf("Lemgo lost its own answers: %v", p1.Profile)
	}

	// Merged again; this time Lemgo changes the answer the merge gave it.
	if err := c.Redo().Apply(s); err != nil {
		t.Fatalf("redo: %v", err)
	}
	if err := s.Lock("leistungskraft", false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetParticipantAnswer("p1", "leistungskraft", Answer{"gering"}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	var stale *StaleChangeError
	if err := c.Inverse().Apply(s); !errors.As(err, &stale) {
		t.Fatalf("undo over a newer answer: %v, want it refused", err)
	}
	if dump(t, s) != before {
		t.Error("a refused undo changed the session")
	}
}

// Undoing a removal is refused when the ID was given to a new municipality
// meanwhile; undoing an answer is refused once the municipality is gone.
func TestRoomUndoConflicts(t *testing.T) {
	s := roomBase(t)
	rm, _ := RemoveParticipantChange(s, "p2")
	if err := rm.Apply(s); err != nil {
		t.Fatal(err)
	}
	if id, err := s.AddParticipant("Stadt Blomberg"); err != nil || id != "p2" {
		t.Fatalf("added %q %v, want the free ID p2", id, err)
	}
	var stale *StaleChangeError
	if err := rm.Inverse().Apply(s); !errors.As(err, &stale) {
		t.Errorf("undoing the removal over a new p2: %v", err)
	}
	if s.Participant("p2").Name != "Stadt Blomberg" {
		t.Error("the new municipality was overwritten")
	}

	s = roomBase(t)
	a := SetParticipantAnswerChange(s, "p1", "traeger", Answer{"landkreis"})
	if err := a.Apply(s); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveParticipant("p1"); err != nil {
		t.Fatal(err)
	}
	if err := a.Inverse().Apply(s); !errors.As(err, &stale) {
		t.Errorf("undoing an answer of a removed municipality: %v", err)
	}
}

// A municipality's own change (As) is refused on a locked question, also
// as an undo; the facilitator's merge is not.
func TestRoomChangeLocked(t *testing.T) {
	s := roomBase(t)
	if err := SetParticipantAnswerChange(s, "p1", "leistungskraft", Answer{"gering"}).Apply(s); err == nil {
		t.Error("an answer to a locked question was taken")
	}
	c := SetParticipantAnswerChange(s, "p1", "traeger", Answer{"landkreis"})
	if err := c.Apply(s); err != nil {
		t.Fatal(err)
	}
	if err := s.Lock("traeger", true); err != nil {
		t.Fatal(err)
	}
	if err := c.Inverse().Apply(s); err == nil {
		t.Error("the undo of an answer to a question locked since was taken")
	}
	m, _ := MergeParticipantChange(s, "p3", "p1") // fills p1's locked leistungskraft
	if err := m.Apply(s); err != nil {
		t.Fatalf("merge over a locked question: %v", err)
	}
	if err := m.Inverse().Apply(s); err != nil {
		t.Fatalf("undo of the merge: %v", err)
	}
}

// The names say what happened, in German, with the municipality.
func TestRoomChangeNames(t *testing.T) {
	s := roomBase(t)
	rm, _ := RemoveParticipantChange(s, "p2")
	mg, _ := MergeParticipantChange(s, "p3", "p1")
	for _, c := range []struct{ got, want string }{
		{rm.Name, "„Gemeinde Dörentrup“ entfernt"},
		{mg.Name, "„Stadt Lemgoo“ mit „Stadt Lemgo“ zusammengeführt"},
		{SetAbsentChange(s, "p1", true).Name, "„Stadt Lemgo“ als abwesend markiert"},
		{LockChange(s, "bundesland", true).Name, "Gesperrt „Bundesland“"},
	} {
		if c.got != c.want {
			t.Errorf("name %q, want %q", c.got, c.want)
		}
	}
	if i := slices.IndexFunc(mg.Edits, func(e Edit) bool { return e.Field == FieldParticipant }); i != len(mg.Edits)-1 {
		t.Errorf("the merge removes before it fills in: %+v", mg.Edits)
	}
}

// Adopting the unanimous answers as one change gives what AdoptUnanimous
// gives, an agreed "offen" included (it is kept, not dropped as a default).
func TestAdoptUnanimousChangeLikeMethod(t *testing.T) {
	mk := func() *Session {
		s := roomBase(t)
		delete(s.Profile, "leistungskraft")
		for _, p := range s.Participants {
			if err := s.SetParticipantQuick(p.ID, "qc.s3", StatusOffen); err != nil {
				t.Fatal(err)
			}
			if err := s.Lock("leistungskraft", false); err != nil {
				t.Fatal(err)
			}
			if err := s.SetParticipantAnswer(p.ID, "leistungskraft", Answer{"hoch"}); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	a, b := mk(), mk()
	c, n := AdoptUnanimousChange(a)
	if err := c.Apply(a); err != nil {
		t.Fatal(err)
	}
	if m := AdoptUnanimous(b); m != n || n < 2 {
		t.Fatalf("adopted %d by change, %d by method", n, m)
	}
	if got, want := dump(t, a), dump(t, b); got != want {
		t.Errorf("change:\n%s\nmethod:\n%s", got, want)
	}
	if a.QuickCheck["qc.s3"].Status != StatusOffen {
		t.Errorf("the agreed offen was dropped: %v", a.QuickCheck)
	}
}
