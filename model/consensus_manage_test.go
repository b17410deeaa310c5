package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParticipantManagement(t *testing.T) {
	s := workshop("bundesland", Answer{"NW"}, Answer{"NW"}, nil)
	// p3 is a typo of p2: it answered another key and commented.
	must(t, s.SetParticipantAnswer("p3", "dauer", Answer{"befristet"}))
	must(t, s.SetParticipantAnswer("p3", "bundesland", Answer{"BY"}))
	must(t, s.SetParticipantComment("p3", "dauer", "nur für den Anfang"))

	if err := s.RenameParticipant("p1", "kommune b"); err == nil {
		t.Error("rename to a name in use (other case) accepted")
	}
	must(t, s.RenameParticipant("p1", "  Stadt Lemgo "))
	if s.Participant("p1").Name != "Stadt Lemgo" || !slices.Equal(s.Participant("p1").Profile["bundesland"], Answer{"NW"}) {
		t.Errorf("rename lost the answers or did not trim: %+v", s.Participant("p1"))
	}
	must(t, s.RenameParticipant("p1", "stadt lemgo")) // its own name in another case
	if err := s.MergeParticipant("p2", "p2"); err == nil {
		t.Error("merge into itself accepted")
	}
	must(t, s.MergeParticipant("p3", "p2"))
	p2 := s.Participant("p2")
	if s.Participant("p3") != nil || len(s.Participants) != 2 {
		t.Fatalf("merge left %d participants", len(s.Participants))
	}
	if !slices.Equal(p2.Profile["bundesland"], Answer{"NW"}) || !slices.Equal(p2.Profile["dauer"], Answer{"befristet"}) ||
		p2.Comments["dauer"] != "nur für den Anfang" {
		t.Errorf("merge: kept %+v, want own bundesland, the typo's dauer and comment", p2)
	}
	if c := keyConsensus(t, ComputeConsensus(s), "bundesland"); c.Level != Einigkeit {
		t.Errorf("after the merge bundesland = %s, want Einigkeit", c.Level.Label())
	}
	must(t, s.RemoveParticipant("p2"))
	if err := s.RemoveParticipant("p2"); err == nil {
		t.Error("removing twice accepted")
	}
	if err := s.SetAbsent("p9", true); err == nil {
		t.Error("unknown participant marked absent")
	}
	if err := s.SetParticipantComment("p1", "dauer", strings.Repeat("x", CommentLimit+1)); err == nil {
		t.Error("over-long comment accepted")
	}
	if err := s.SetParticipantComment("p1", "nope", "x"); err == nil {
		t.Error("comment on an unknown question accepted")
	}
}

func TestAnswerVersionCheck(t *testing.T) {
	s := workshop("ziele", Answer{"wirtschaftlichkeit"})
	tests := []struct {
		name     string
		base, to Answer
		conflict bool
	}{
		{"from the stored answer", Answer{"wirtschaftlichkeit"}, Answer{"wirtschaftlichkeit", "servicequalitaet"}, false},
		{"stale base loses nothing", Answer{"wirtschaftlichkeit"}, Answer{}, true},
		{"stale: thought unanswered", nil, Answer{"servicequalitaet"}, true},
		{"from the new stored answer", Answer{"wirtschaftlichkeit", "servicequalitaet"}, Answer{}, false},
		{"empty choice is not unanswered", nil, Answer{"servicequalitaet"}, true},
		{"clear from empty", Answer{}, nil, false},
		{"answer from unanswered", nil, Answer{"aufgabensicherung"}, false},
	}
	// An editor knows the answer it started from and those it wrote.
	must(t, s.SetParticipantAnswerIf("p1", "ziele", []Answer{{"servicequalitaet"}, {"wirtschaftlichkeit"}}, Answer{"servicequalitaet"}))
	must(t, s.SetParticipantAnswerIf("p1", "ziele", []Answer{{"wirtschaftlichkeit"}, {"servicequalitaet"}}, Answer{"wirtschaftlichkeit"}))
	for _, tt := range tests {
		before := s.Participant("p1").Profile.Clone()
		err := s.SetParticipantAnswerIf("p1", "ziele", []Answer{tt.base}, tt.to)
		if got := errors.Is(err, ErrConflict); got != tt.conflict {
			t.Fatalf("%s: conflict %v (%v), want %v", tt.name, got, err, tt.conflict)
		}
		if tt.conflict && !slices.Equal(s.Participant("p1").Profile["ziele"], before["ziele"]) {
			t.Fatalf("%s: a conflict wrote", tt.name)
		}
		var ce *ConflictError
		if tt.conflict && (!errors.As(err, &ce) || !strings.Contains(err.Error(), "inzwischen geändert")) {
			t.Errorf("%s: error %v does not say what happened", tt.name, err)
		}
	}
}

func TestFacilitationState(t *testing.T) {
	s := workshop("bundesland", Answer{"NW"}, nil)
	if s.Hidden("bundesland") || s.Locked("bundesland") || s.Current() != "" {
		t.Fatal("a new workshop hides, locks or points somewhere")
	}
	s.SetBlind(true)
	if !s.Hidden("bundesland") || !s.Hidden("qc.s1") {
		t.Error("blind mode does not hide")
	}
	must(t, s.Reveal("bundesland", true))
	if s.Hidden("bundesland") || !s.Hidden("dauer") {
		t.Error("reveal is not per question")
	}
	s.SetBlind(true) // a new blind round hides everything again
	if !s.Hidden("bundesland") {
		t.Error("blind mode kept an earlier reveal")
	}
	must(t, s.Lock("bundesland", true))
	if err := s.SetParticipantAnswer("p2", "bundesland", Answer{"BY"}); err == nil || !strings.Contains(err.Error(), "gesperrt") {
		t.Errorf("locked question took an answer: %v", err)
	}
	must(t, s.Lock("qc.s1", true))
	if err := s.SetParticipantQuick("p2", "qc.s1", StatusOffen); err == nil {
		t.Error("locked item took a rating")
	}
	must(t, s.Lock("bundesland", false))
	must(t, s.SetParticipantAnswer("p2", "bundesland", Answer{"BY"}))
	must(t, s.SetCurrent("dauer"))
	if s.Current() != "dauer" {
		t.Errorf("current = %q", s.Current())
	}
	if err := s.SetCurrent("nope"); err == nil {
		t.Error("unknown current question accepted")
	}
	must(t, s.SetReason("bundesland", "  Sitz des Kreises  "))
	if s.Reason("bundesland") != "Sitz des Kreises" {
		t.Errorf("reason = %q", s.Reason("bundesland"))
	}
	must(t, s.SetReason("bundesland", ""))
	if s.Reason("bundesland") != "" {
		t.Error("empty reason kept")
	}
}

func TestQuickVersionCheck(t *testing.T) {
	s := workshop("bundesland", nil)
	must(t, s.SetParticipantQuickIf("p1", "qc.s1", []QuickStatus{""}, StatusOffen))
	if err := s.SetParticipantQuickIf("p1", "qc.s1", []QuickStatus{""}, StatusErledigt); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "offen") {
		t.Fatalf("stale rating written or unexplained: %v", err)
	}
	must(t, s.SetParticipantQuickIf("p1", "qc.s1", []QuickStatus{"", StatusOffen}, StatusInArbeit))
	if got := s.Participant("p1").QuickCheck["qc.s1"]; got != StatusInArbeit {
		t.Errorf("rating = %q, want in_arbeit", got)
	}
}
