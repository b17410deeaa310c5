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
		absent     []string // participant IDs marked absent
		want       Agreement
		among      Agreement // agreement among those who answered
		groups     []int     // group sizes, largest first
		missing    []string
		total      int
		answered   int
		majority   string // "" none
		disputed   bool
		firstValue string
	}{
		{"full agreement", []Answer{nrw, nrw, nrw}, nil, Einigkeit, Einigkeit, []int{3}, nil, 3, 3, "NW", false, "NW"},
		{"2:1 split", []Answer{nrw, by, nrw}, nil, Teilweise, Teilweise, []int{2, 1}, nil, 3, 3, "NW", true, "NW"},
		{"all different", []Answer{nrw, by, he}, nil, Dissens, Dissens, []int{1, 1, 1}, nil, 3, 3, "", true, "NW"},
		{"1:1 tie", []Answer{by, nrw}, nil, Dissens, Dissens, []int{1, 1}, nil, 2, 2, "", true, "BY"},
		{"2:2 tie has no majority", []Answer{by, nrw, by, nrw}, nil, Dissens, Dissens, []int{2, 2}, nil, 4, 4, "", true, "BY"},
		// Missing answers make it pending, never disputed: the room sees
		// the agreement among those who answered.
		{"pending, agreed so far", []Answer{nrw, nrw, nil}, nil, Ausstehend, Einigkeit, []int{2}, []string{"p3"}, 3, 2, "NW", false, "NW"},
		{"pending with one answer", []Answer{nrw, nil, nil}, nil, Ausstehend, Einigkeit, []int{1}, []string{"p2", "p3"}, 3, 1, "NW", false, "NW"},
		{"pending, split so far", []Answer{nrw, by, nil}, nil, Ausstehend, Dissens, []int{1, 1}, []string{"p3"}, 3, 2, "", false, "NW"},
		{"nobody answered", []Answer{nil, nil}, nil, Ausstehend, Ausstehend, nil, []string{"p1", "p2"}, 2, 0, "", false, ""},
		{"no participants", nil, nil, Ausstehend, Ausstehend, nil, nil, 0, 0, "", false, ""},
		{"single participant", []Answer{he}, nil, Einigkeit, Einigkeit, []int{1}, nil, 1, 1, "HE", false, "HE"},
		// Absent municipalities leave the denominator, answered or not.
		{"absent missing one leaves", []Answer{nrw, nrw, nil}, []string{"p3"}, Einigkeit, Einigkeit, []int{2}, nil, 2, 2, "NW", false, "NW"},
		{"absent answer does not count", []Answer{nrw, nrw, by}, []string{"p3"}, Einigkeit, Einigkeit, []int{2}, nil, 2, 2, "NW", false, "NW"},
		{"everyone absent", []Answer{nrw, nil}, []string{"p1", "p2"}, Ausstehend, Ausstehend, nil, nil, 0, 0, "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := workshop("bundesland", tt.answers...)
			for _, id := range tt.absent {
				must(t, s.SetAbsent(id, true))
			}
			k := keyConsensus(t, ComputeConsensus(s), "bundesland")
			if k.Level != tt.want || k.Among != tt.among {
				t.Errorf("level = %s among %s, want %s among %s", k.Level.Label(), k.Among.Label(), tt.want.Label(), tt.among.Label())
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
			if !slices.Equal(k.Absent, tt.absent) {
				t.Errorf("absent = %v, want %v", k.Absent, tt.absent)
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
			if k.Total != tt.total || k.Answered != tt.answered {
				t.Errorf("answered %d of %d, want %d of %d", k.Answered, k.Total, tt.answered, tt.total)
			}
		})
	}
}

func TestConsensusNotApplicable(t *testing.T) {
	// steuerung does not apply to a municipality that rules out a new
	// legal person: it leaves the denominator, and an answer given before
	// is ignored.
	s := workshop("steuerung", Answer{"kollegial"}, Answer{"kollegial"}, Answer{"unternehmerisch"}, nil)
	must(t, s.SetParticipantAnswer("p3", "neue_rechtsperson", Answer{"nein"}))
	must(t, s.SetParticipantAnswer("p4", "neue_rechtsperson", Answer{"nein"}))
	k := keyConsensus(t, ComputeConsensus(s), "steuerung")
	if k.Level != Einigkeit || k.Total != 2 || k.Answered != 2 {
		t.Errorf("steuerung = %s, %d of %d; want Einigkeit, 2 of 2", k.Level.Label(), k.Answered, k.Total)
	}
	if !slices.Equal(k.NotApplicable, []string{"p3", "p4"}) || len(k.Missing) != 0 {
		t.Errorf("not applicable %v, missing %v; want [p3 p4], none", k.NotApplicable, k.Missing)
	}
}

func TestConsensusMultiTallies(t *testing.T) {
	tests := []struct {
		name    string
		answers []Answer
		want    []int // per option of "ziele", in catalogue order
		level   Agreement
	}{
		{"overlapping choices", []Answer{{"erfahrungsaustausch", "wirtschaftlichkeit"}, {"wirtschaftlichkeit"}, {"wirtschaftlichkeit", "servicequalitaet"}},
			[]int{1, 3, 0, 1}, Dissens},
		{"empty choice counts as answered", []Answer{{}, {"aufgabensicherung"}}, []int{0, 0, 1, 0}, Dissens},
		{"pending tallies only those who answered", []Answer{{"servicequalitaet"}, nil}, []int{0, 0, 0, 1}, Ausstehend},
		{"same set in any order", []Answer{{"wirtschaftlichkeit", "erfahrungsaustausch"}, {"erfahrungsaustausch", "wirtschaftlichkeit"}}, []int{2, 2, 0, 0}, Einigkeit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := keyConsensus(t, ComputeConsensus(workshop("ziele", tt.answers...)), "ziele")
			var got []int
			for _, ta := range k.Tallies {
				got = append(got, ta.Count)
			}
			if !slices.Equal(got, tt.want) || k.Level != tt.level {
				t.Errorf("tallies %v level %s, want %v %s", got, k.Level.Label(), tt.want, tt.level.Label())
			}
		})
	}
	if k := keyConsensus(t, ComputeConsensus(workshop("bundesland", Answer{"NW"})), "bundesland"); k.Tallies != nil {
		t.Errorf("single choice has tallies %v", k.Tallies)
	}
}

func TestConsensusOwnFactsAreAProfile(t *testing.T) {
	s := workshop("traeger", Answer{"landkreis"}, Answer{"kreisangehoerige_kommune"}, Answer{"kreisangehoerige_kommune"})
	c := ComputeConsensus(s)
	k := keyConsensus(t, c, "traeger")
	if k.Level != Profil || k.Level.Disputed() || c.Disputed() != 0 {
		t.Errorf("traeger = %s, disputed %d; want Profil, never disputed", k.Level.Label(), c.Disputed())
	}
	if c.Keys[len(c.Keys)-1].Level != Profil {
		t.Errorf("facts are not listed last: %s", c.Keys[len(c.Keys)-1].Question.Key)
	}
}

func TestGroupWording(t *testing.T) {
	q, _ := ProfileQuestionByKey("zustaendigkeit")
	g := GroupWording(q)
	if g.OptionLabel("behalten") != "bleibt bei den heutigen Trägern" || g.OptionLabel("abgeben") != "geht auf einen Partner über" {
		t.Errorf("group wording = %v", g.Options)
	}
	if q.OptionLabel("behalten") != "bleibt bei uns" {
		t.Error("GroupWording changed the catalogue")
	}
	if k := keyConsensus(t, ComputeConsensus(workshop("zustaendigkeit", Answer{"abgeben"})), "zustaendigkeit"); k.Question.AnswerText(k.Agreed) == "" ||
		k.Question.OptionLabel("abgeben") != "geht auf einen Partner über" {
		t.Error("consensus does not use the group wording")
	}
}

func TestConsensusSettledLeavesTheDisputes(t *testing.T) {
	s := workshop("bundesland", Answer{"NW"}, Answer{"BY"})
	c := ComputeConsensus(s)
	if c.Disputed() != 1 {
		t.Fatalf("disputed = %d, want 1", c.Disputed())
	}
	s.Profile["bundesland"] = Answer{"NW"}
	c = ComputeConsensus(s)
	if c.Disputed() != 0 || c.Settled() != 1 {
		t.Errorf("after a joint answer: disputed %d settled %d, want 0 and 1", c.Disputed(), c.Settled())
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
	// ziele: all different (Dissens); dauer: 2:1; umfang: pending.
	must(t, s.SetParticipantAnswer("p1", "ziele", Answer{"wirtschaftlichkeit"}))
	must(t, s.SetParticipantAnswer("p2", "ziele", Answer{"servicequalitaet"}))
	must(t, s.SetParticipantAnswer("p3", "ziele", Answer{}))
	must(t, s.SetParticipantAnswer("p1", "dauer", Answer{"befristet"}))
	must(t, s.SetParticipantAnswer("p2", "dauer", Answer{"befristet"}))
	must(t, s.SetParticipantAnswer("p3", "dauer", Answer{"unbefristet"}))
	must(t, s.SetParticipantAnswer("p3", "umfang", Answer{"austausch"}))

	c := ComputeConsensus(s)
	var levels []string
	for _, k := range c.Keys {
		levels = append(levels, k.Level.Label())
	}
	if c.Keys[0].Question.Key != "ziele" || c.Keys[1].Question.Key != "dauer" {
		t.Errorf("first keys = %s, %s; want the disputed ziele, dauer", c.Keys[0].Question.Key, c.Keys[1].Question.Key)
	}
	// disputed, then pending, then agreed, then the facts
	want := []string{"Dissens", "teilweise"}
	for range len(ProfileQuestions) - 3 - len(ownFacts) {
		want = append(want, "ausstehend")
	}
	want = append(want, "Einigkeit", "Profil", "Profil", "Profil")
	if !slices.Equal(levels, want) {
		t.Errorf("levels in order = %v, want %v", levels, want)
	}
	if c.Disputed() != 2 {
		t.Errorf("Disputed() = %d, want 2", c.Disputed())
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
	if c.Keys[0].Question.Key != "ziele" {
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

func TestScoreCacheGivesScore(t *testing.T) {
	var c ScoreCache
	profiles := []Profile{{}, {"bundesland": {"NW"}}, {"bundesland": {"NW"}, "ziele": {}}, {"bundesland": {"NW"}, "ziele": {"wirtschaftlichkeit"}}}
	for round := range 2 { // the second round comes from the cache
		for i, p := range profiles {
			got, want := c.Score(p), Score(p)
			if got.Top() != want.Top() || len(got.Ranking) != len(want.Ranking) || len(got.Unanswered) != len(want.Unanswered) {
				t.Fatalf("round %d profile %d: cached %v, want %v", round, i, got.Top(), want.Top())
			}
			for j := range want.Ranking {
				if got.Ranking[j].Model != want.Ranking[j].Model || got.Ranking[j].Score != want.Ranking[j].Score {
					t.Fatalf("round %d profile %d: ranking %d differs", round, i, j)
				}
			}
		}
	}
	if len(c.byProfile) != len(profiles) {
		t.Errorf("%d cache entries for %d different profiles (an empty choice differs from none)", len(c.byProfile), len(profiles))
	}
}
