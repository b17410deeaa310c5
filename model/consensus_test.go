package model

import (
	"slices"
	"testing"
)

// workshop builds a session whose participants answered key as given
// (nil: no answer).
func workshop(key string, answers ...Answer) *Session {
	s := &Session{Profile: Profile{}}
	for _, a := range answers {
		id, err := s.AddParticipant("Kommune " + string(rune('A'+len(s.Participants))))
		if err != nil {
			panic(err)
		}
		if a != nil {
			if err := s.SetParticipantAnswer(id, key, a); err != nil {
				panic(err)
			}
		}
	}
	return s
}

func keyConsensus(t *testing.T, c Consensus, key string) KeyConsensus {
	t.Helper()
	for _, k := range c.Keys {
		if k.Question.Key == key {
			return k
		}
	}
	t.Fatalf("key %q missing from consensus", key)
	return KeyConsensus{}
}

func TestConsensusLevels(t *testing.T) {
	nrw, by, he := Answer{"NW"}, Answer{"BY"}, Answer{"HE"}
	tests := []struct {
		name       string
		answers    []Answer
		want       Agreement
		groups     []int // group sizes, largest first
		missing    []string
		majority   string // "" none
		disputed   bool
		firstValue string
	}{
		{"full agreement", []Answer{nrw, nrw, nrw}, Einigkeit, []int{3}, nil, "NW", false, "NW"},
		{"2:1 split", []Answer{nrw, by, nrw}, Teilweise, []int{2, 1}, nil, "NW", true, "NW"},
		{"all different", []Answer{nrw, by, he}, Dissens, []int{1, 1, 1}, nil, "", true, "NW"},
		{"1:1 tie", []Answer{by, nrw}, Dissens, []int{1, 1}, nil, "", true, "BY"},
		{"missing keeps unanimity from Einigkeit", []Answer{nrw, nrw, nil}, Teilweise, []int{2}, []string{"p3"}, "NW", true, "NW"},
		{"missing breaks majority", []Answer{nrw, nil, nil}, Dissens, []int{1}, []string{"p2", "p3"}, "", true, "NW"},
		{"half is no majority", []Answer{nrw, nrw, by, nil}, Dissens, []int{2, 1}, []string{"p4"}, "", true, "NW"},
		{"nobody answered", []Answer{nil, nil}, Offen, nil, []string{"p1", "p2"}, "", false, ""},
		{"no participants", nil, Offen, nil, nil, "", false, ""},
		{"single participant", []Answer{he}, Einigkeit, []int{1}, nil, "HE", false, "HE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := keyConsensus(t, ComputeConsensus(workshop("bundesland", tt.answers...)), "bundesland")
			if k.Level != tt.want {
				t.Errorf("level = %s, want %s", k.Level.Label(), tt.want.Label())
			}
			var sizes []int
			for _, g := range k.Groups {
				sizes = append(sizes, len(g.Participants))
			}
			if !slices.Equal(sizes, tt.groups) {
				t.Errorf("group sizes = %v, want %v", sizes, tt.groups)
			}
			if !slices.Equal(k.Missing, tt.missing) {
				t.Errorf("missing = %v, want %v", k.Missing, tt.missing)
			}
			g, ok := k.Majority()
			if got := map[bool]string{true: g.Value}[ok]; got != tt.majority {
				t.Errorf("majority = %q, want %q", got, tt.majority)
			}
			if k.Level.Disputed() != tt.disputed {
				t.Errorf("disputed = %v, want %v", k.Level.Disputed(), tt.disputed)
			}
			if len(k.Groups) > 0 && k.Groups[0].Value != tt.firstValue {
				t.Errorf("first group = %q, want %q", k.Groups[0].Value, tt.firstValue)
			}
			if k.Total != len(tt.answers) {
				t.Errorf("total = %d, want %d", k.Total, len(tt.answers))
			}
		})
	}
}

func TestConsensusMultiAnswersCompareAsSets(t *testing.T) {
	// Normalize puts Multi values in catalogue order, so the same choice in
	// a different order is the same answer.
	q, _ := ProfileQuestionByKey("ziele")
	a, b := q.Options[0].Value, q.Options[1].Value
	s := workshop("ziele", Answer{a, b}, Answer{b, a})
	if k := keyConsensus(t, ComputeConsensus(s), "ziele"); k.Level != Einigkeit {
		t.Fatalf("level = %s, want Einigkeit; groups %+v", k.Level.Label(), k.Groups)
	}
}

func TestConsensusOrderDisputedFirst(t *testing.T) {
	s := workshop("bundesland", Answer{"NW"}, Answer{"NW"}, Answer{"NW"})
	// laendlich: a 1:1 tie with one missing (Dissens); leistungskraft: 2:1.
	must(t, s.SetParticipantAnswer("p1", "laendlich", Answer{"true"}))
	must(t, s.SetParticipantAnswer("p2", "laendlich", Answer{"false"}))
	q, _ := ProfileQuestionByKey("leistungskraft")
	must(t, s.SetParticipantAnswer("p1", "leistungskraft", Answer{q.Options[0].Value}))
	must(t, s.SetParticipantAnswer("p2", "leistungskraft", Answer{q.Options[0].Value}))
	must(t, s.SetParticipantAnswer("p3", "leistungskraft", Answer{q.Options[1].Value}))

	c := ComputeConsensus(s)
	var order []string
	for _, k := range c.Keys[:3] {
		order = append(order, k.Question.Key+"="+k.Level.Label())
	}
	want := []string{"laendlich=Dissens", "leistungskraft=teilweise", "bundesland=Einigkeit"}
	if !slices.Equal(order, want) {
		t.Fatalf("first keys = %v, want %v", order, want)
	}
	if c.Disputed() != 2 {
		t.Errorf("Disputed() = %d, want 2", c.Disputed())
	}
	for _, k := range c.Keys[3:] {
		if k.Level != Offen {
			t.Errorf("key %s = %s, want offen after the answered keys", k.Question.Key, k.Level.Label())
		}
	}

	// Answering for a municipality: catalogue order, whatever the spread;
	// the original keeps its order (a copy is sorted).
	cat := c.InCatalogueOrder()
	for i, k := range cat.Keys {
		if k.Question.Key != ProfileQuestions[i].Key {
			t.Fatalf("catalogue order: key %d = %s, want %s", i, k.Question.Key, ProfileQuestions[i].Key)
		}
	}
	i := 0
	for _, ph := range Phases {
		for _, it := range ph.QuickItems {
			if cat.Quick[i].Item.ID != it.ID {
				t.Fatalf("catalogue order: quick item %d = %s, want %s", i, cat.Quick[i].Item.ID, it.ID)
			}
			i++
		}
	}
	if c.Keys[0].Question.Key != "laendlich" {
		t.Errorf("InCatalogueOrder changed the original: first key %s", c.Keys[0].Question.Key)
	}
}

func TestConsensusRankingsSideBySide(t *testing.T) {
	s := workshop("bundesland", Answer{"NW"}, Answer{"BY"})
	must(t, s.SetParticipantAnswer("p1", "neue_rechtsperson", Answer{"nein"}))
	s.Profile = Profile{"bundesland": {"NW"}}
	c := ComputeConsensus(s)
	if len(c.Rankings) != 3 {
		t.Fatalf("rankings = %d, want 2 participants + joint", len(c.Rankings))
	}
	for i, p := range s.Participants {
		col := c.Rankings[i]
		if col.ParticipantID != p.ID || col.Name != p.Name {
			t.Errorf("column %d = %s/%s, want %s/%s", i, col.ParticipantID, col.Name, p.ID, p.Name)
		}
		if want := Score(p.Profile); want.Top() != col.Result.Top() || len(want.Unanswered) != len(col.Result.Unanswered) {
			t.Errorf("column %d is not Score of the participant's profile", i)
		}
	}
	joint := c.Rankings[2]
	if joint.ParticipantID != "" || joint.Name != JointName {
		t.Errorf("last column = %+v, want the joint ranking", joint.Name)
	}
	if want := Score(s.Profile); len(want.Unanswered) != len(joint.Result.Unanswered) || want.Top() != joint.Result.Top() {
		t.Errorf("joint ranking is not Score of the session profile")
	}
	if k := keyConsensus(t, c, "bundesland"); !slices.Equal(k.Agreed, Answer{"NW"}) {
		t.Errorf("agreed = %v, want [NW]", k.Agreed)
	}
}

func TestConsensusQuickItems(t *testing.T) {
	s := workshop("bundesland", nil, nil, nil)
	must(t, s.SetParticipantQuick("p1", "qc.s1", StatusErledigt))
	must(t, s.SetParticipantQuick("p2", "qc.s1", StatusErledigt))
	must(t, s.SetParticipantQuick("p3", "qc.s1", StatusOffen))
	must(t, s.SetParticipantQuick("p1", "qc.s2", StatusInArbeit))
	must(t, s.SetParticipantQuick("p2", "qc.s2", StatusInArbeit))
	must(t, s.SetParticipantQuick("p3", "qc.s2", StatusInArbeit))
	s.QuickCheck = map[string]QuickEntry{"qc.s2": {Status: StatusInArbeit}}
	c := ComputeConsensus(s)
	got := map[string]QuickConsensus{}
	for _, q := range c.Quick {
		got[q.Item.ID] = q
	}
	if q := got["qc.s1"]; q.Level != Teilweise || q.Groups[0].Status != StatusErledigt {
		t.Errorf("qc.s1 = %s %+v, want teilweise led by erledigt", q.Level.Label(), q.Groups)
	}
	if q := got["qc.s2"]; q.Level != Einigkeit || q.Agreed != StatusInArbeit {
		t.Errorf("qc.s2 = %s agreed %q, want Einigkeit, agreed in_arbeit", q.Level.Label(), q.Agreed)
	}
	if c.Quick[0].Item.ID != "qc.s1" {
		t.Errorf("first quick item = %s, want the disputed qc.s1", c.Quick[0].Item.ID)
	}
}

func TestParticipantEdits(t *testing.T) {
	s := &Session{}
	id1, err := s.AddParticipant("  Stadt Kleve ")
	must(t, err)
	if id1 != "p1" || s.Participants[0].Name != "Stadt Kleve" {
		t.Fatalf("added %q %q, want p1 \"Stadt Kleve\"", id1, s.Participants[0].Name)
	}
	if _, err := s.AddParticipant("stadt kleve"); err == nil {
		t.Error("duplicate name accepted")
	}
	if _, err := s.AddParticipant(" "); err == nil {
		t.Error("empty name accepted")
	}
	id2, _ := s.AddParticipant("Goch")
	s.Participants = s.Participants[1:] // p1 removed: the next gets p1 again, p2 stays unique
	id3, _ := s.AddParticipant("Emmerich")
	if id2 != "p2" || id3 != "p1" {
		t.Errorf("ids = %s, %s; want p2, p1", id2, id3)
	}
	if err := s.SetParticipantAnswer("p9", "bundesland", Answer{"NW"}); err == nil {
		t.Error("unknown participant accepted")
	}
	if err := s.SetParticipantAnswer(id2, "bundesland", Answer{"XX"}); err == nil {
		t.Error("invalid answer accepted")
	}
	must(t, s.SetParticipantAnswer(id2, "partner_anzahl", Answer{"03"}))
	if got := s.Participant(id2).Profile["partner_anzahl"]; !slices.Equal(got, Answer{"3"}) {
		t.Errorf("stored %v, want canonical [3]", got)
	}
	must(t, s.SetParticipantAnswer(id2, "partner_anzahl", nil))
	if _, ok := s.Participant(id2).Profile["partner_anzahl"]; ok {
		t.Error("nil answer did not remove")
	}
	if err := s.SetParticipantQuick(id2, "qc.nope", StatusOffen); err == nil {
		t.Error("unknown quick item accepted")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestAdoptUnanimous(t *testing.T) {
	s := workshop("bundesland", Answer{"NW"}, Answer{"NW"})            // unanimous, no agreed answer: adopted
	must(t, s.SetParticipantAnswer("p1", "laendlich", Answer{"true"})) // 1:1 — stays open
	must(t, s.SetParticipantAnswer("p2", "laendlich", Answer{"false"}))
	must(t, s.SetParticipantAnswer("p1", "dauer", Answer{"befristet"})) // unanimous, but the facilitator chose otherwise
	must(t, s.SetParticipantAnswer("p2", "dauer", Answer{"befristet"}))
	must(t, s.SetParticipantAnswer("p1", "traeger", Answer{"landkreis"})) // one missing: not unanimous
	must(t, s.SetParticipantQuick("p1", "qc.s1", StatusErledigt))         // unanimous item with a note kept
	must(t, s.SetParticipantQuick("p2", "qc.s1", StatusErledigt))
	s.Profile["dauer"] = Answer{"unbefristet"}
	s.QuickCheck = map[string]QuickEntry{"qc.s1": {Note: "Bestand erhoben"}}

	if n := AdoptUnanimous(s); n != 2 {
		t.Errorf("adopted %d, want 2 (bundesland, qc.s1)", n)
	}
	for key, want := range map[string]Answer{"bundesland": {"NW"}, "dauer": {"unbefristet"}, "laendlich": nil, "traeger": nil} {
		if got := s.Profile[key]; !slices.Equal(got, want) {
			t.Errorf("agreed %s = %v, want %v", key, got, want)
		}
	}
	if e := s.QuickCheck["qc.s1"]; e.Status != StatusErledigt || e.Note != "Bestand erhoben" {
		t.Errorf("qc.s1 = %+v, want erledigt with the note kept", e)
	}
	if n := AdoptUnanimous(s); n != 0 {
		t.Errorf("second run adopted %d, want 0", n)
	}
}
