package model

import (
	"math/rand"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// scFullProfile answers every key: a small rural municipality that wants to
// hand its school IT support to an existing IT-Zweckverband.
func scFullProfile() Profile {
	return Profile{
		"bundesland":             {"NW"},
		"traeger":                {"kreisangehoerige_kommune"},
		"leistungskraft":         {"gering"},
		"partner_leistungskraft": {"aehnlich"},
		"partner_anzahl":         {"6"},
		"laendlich":              {"true"},
		"ziele":                  {"wirtschaftlichkeit", "aufgabensicherung"},
		"aufgabenfelder":         {"service_betrieb", "finanzierung_beschaffung"},
		"umfang":                 {"aufgabenbereich"},
		"zustaendigkeit":         {"abgeben"},
		"verbindlichkeit":        {"hoch"},
		"neue_rechtsperson":      {"ja"},
		"steuerung":              {"kollegial"},
		"bestehende_struktur":    {"zweckverband"},
		"regionale_naehe":        {"nicht_erforderlich"},
		"ressourcen":             {"mittel"},
		"dauer":                  {"unbefristet"},
	}
}

// scRandomProfile draws a valid profile: each key unanswered with
// probability 0.3, else a random allowed answer.
func scRandomProfile(rng *rand.Rand) Profile {
	p := Profile{}
	for _, q := range ProfileQuestions {
		if rng.Float64() < 0.3 {
			continue
		}
		switch q.Kind {
		case Number:
			p[q.Key] = Answer{strconv.Itoa(q.Min + rng.Intn(24))}
		case Multi:
			a := Answer{}
			for _, o := range q.Options {
				if rng.Intn(2) == 0 {
					a = append(a, o.Value)
				}
			}
			p[q.Key] = a
		default:
			p[q.Key] = Answer{q.Options[rng.Intn(len(q.Options))].Value}
		}
	}
	return p
}

// scProfiles is the fixed set used by the property tests: hand-made
// profiles plus random ones from a fixed seed.
func scProfiles(n int) []Profile {
	out := []Profile{{}, scFullProfile(), {"umfang": {"austausch"}}, {"zustaendigkeit": {"behalten"}}}
	rng := rand.New(rand.NewSource(20261121))
	for range n {
		out = append(out, scRandomProfile(rng))
	}
	return out
}

func scRaw(t *testing.T, r Result, id ModelID) int {
	t.Helper()
	m, ok := r.ByModel(id)
	if !ok {
		t.Fatalf("model %s missing from ranking", id)
	}
	return m.Raw
}

func TestScoreDeterministic(t *testing.T) {
	for i, p := range scProfiles(200) {
		a, b := Score(p), Score(p.Clone())
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("profile %d: two runs differ:\n%+v\n%+v", i, a, b)
		}
	}
}

func TestScoreRankingOrder(t *testing.T) {
	for i, p := range scProfiles(300) {
		r := Score(p)
		if len(r.Ranking) != len(ModelIDs) {
			t.Fatalf("profile %d: %d models ranked, want %d", i, len(r.Ranking), len(ModelIDs))
		}
		for j := 1; j < len(r.Ranking); j++ {
			a, b := r.Ranking[j-1], r.Ranking[j]
			switch {
			case a.Excluded && !b.Excluded:
				t.Fatalf("profile %d: excluded %s ranked before %s", i, a.Model, b.Model)
			case a.Excluded == b.Excluded && !a.Excluded && a.Raw < b.Raw:
				t.Fatalf("profile %d: %s (%d) before %s (%d)", i, a.Model, a.Raw, b.Model, b.Raw)
			case a.Excluded == b.Excluded && (a.Excluded || a.Raw == b.Raw) && modelIndex(a.Model) > modelIndex(b.Model):
				t.Fatalf("profile %d: tie %s/%s not in catalogue order", i, a.Model, b.Model)
			}
			if !a.Excluded && !b.Excluded && a.Score < b.Score {
				t.Fatalf("profile %d: score order %d < %d disagrees with ranking", i, a.Score, b.Score)
			}
		}
		for _, m := range r.Ranking {
			if m.Score < 0 || m.Score > 100 {
				t.Fatalf("profile %d: score %d out of 0..100", i, m.Score)
			}
			if m.Excluded && (m.Exclusion == "" || m.ExclusionSrc == "" || m.Score != 0) {
				t.Fatalf("profile %d: excluded %s without reason/source or with score %d", i, m.Model, m.Score)
			}
			sum := 0
			for _, c := range m.Contributions {
				sum += c.Points
				if c.Reason == "" || c.Source == "" || c.RuleID == "" || c.Points == 0 {
					t.Fatalf("profile %d: incomplete contribution %+v", i, c)
				}
			}
			if sum != m.Raw {
				t.Fatalf("profile %d: %s contributions sum to %d, Raw is %d", i, m.Model, sum, m.Raw)
			}
		}
		if r.Top() == "" {
			t.Fatalf("profile %d: no model leads", i)
		}
	}
}

func TestScoreScaling(t *testing.T) {
	tests := []struct {
		raw, lo, hi, want int
	}{
		{0, 0, 0, 50},     // nothing answered
		{-5, -5, 10, 0},   // worst possible
		{10, -5, 10, 100}, // best possible
		{0, -10, 10, 50},
		{1, 0, 3, 33},
		{2, 0, 3, 67},
		{1, 0, 2, 50},
	}
	for _, tt := range tests {
		if got := scale(tt.raw, tt.lo, tt.hi); got != tt.want {
			t.Errorf("scale(%d, %d, %d) = %d, want %d", tt.raw, tt.lo, tt.hi, got, tt.want)
		}
	}
	// Only umfang answered: the range spans the worst and best umfang points of any model.
	r := Score(Profile{"umfang": {"austausch"}})
	lo, hi := 0, 0
	for m := range numModels {
		lo, hi = min(lo, keyRanges[profileIndex["umfang"]][m][0]), max(hi, keyRanges[profileIndex["umfang"]][m][1])
	}
	for _, m := range r.Ranking {
		if want := scale(m.Raw, lo, hi); m.Score != want {
			t.Errorf("%s: score %d, want %d (raw %d in [%d, %d])", m.Model, m.Score, want, m.Raw, lo, hi)
		}
	}
	if top := r.Ranking[0]; top.Model != Informell || top.Score != 100 {
		t.Errorf("exchange only: top %s with %d, want informell with 100 (the best any model can get)", top.Model, top.Score)
	}
}

func TestScoreEmptyProfile(t *testing.T) {
	r := Score(Profile{})
	for _, m := range r.Ranking {
		if m.Raw != 0 || m.Score != 50 || len(m.Contributions) != 0 {
			t.Errorf("%s: raw %d score %d contributions %d, want neutral 0/50/0", m.Model, m.Raw, m.Score, len(m.Contributions))
		}
	}
	if r.Top() != Informell {
		t.Errorf("all tied: top %s, want informell (catalogue order)", r.Top())
	}
	if r.Land != nil {
		t.Errorf("Land set without bundesland")
	}
	if len(r.Unanswered) != len(ProfileQuestions) {
		t.Errorf("unanswered %v, want all %d keys", r.Unanswered, len(ProfileQuestions))
	}
}

// Removing an answer never adds a contribution for that key, and leaves the
// contributions of the other keys as they were (except keys it hides).
func TestUnansweredKeysNeutral(t *testing.T) {
	for i, p := range scProfiles(200) {
		full := Score(p)
		for key := range p {
			q := p.Clone()
			delete(q, key)
			r := Score(q)
			if !scContains(r.Unanswered, key) && q.Visible(scQuestion(t, key)) {
				t.Fatalf("profile %d: removed %s not listed as unanswered: %v", i, key, r.Unanswered)
			}
			for _, id := range ModelIDs {
				before, _ := full.ByModel(id)
				after, _ := r.ByModel(id)
				if got := scKeyContribs(after, key); len(got) != 0 {
					t.Fatalf("profile %d: unanswered %s still contributes to %s: %+v", i, key, id, got)
				}
				if a, b := scOtherContribs(before, key), scOtherContribs(after, key); !reflect.DeepEqual(a, b) {
					t.Fatalf("profile %d: removing %s changed other contributions of %s:\n%+v\n%+v", i, key, id, a, b)
				}
			}
		}
	}
}

func scKeyContribs(m ModelScore, key string) []Contribution {
	var out []Contribution
	for _, c := range m.Contributions {
		if c.Key == key {
			out = append(out, c)
		}
	}
	return out
}

// scOtherContribs drops the contributions of key and of the keys key can hide.
func scOtherContribs(m ModelScore, key string) []Contribution {
	var out []Contribution
	for _, c := range m.Contributions {
		q, _ := ProfileQuestionByKey(c.Key)
		if c.Key == key || (q.HideIf != nil && q.HideIf.Key == key) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func scQuestion(t *testing.T, key string) ProfileQuestion {
	t.Helper()
	q, ok := ProfileQuestionByKey(key)
	if !ok {
		t.Fatalf("unknown key %s", key)
	}
	return q
}

func scContains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestHiddenKeysIgnored(t *testing.T) {
	base := Profile{"neue_rechtsperson": {"nein"}, "umfang": {"gesamtbetrieb"}}
	for _, o := range scQuestion(t, "steuerung").Options {
		p := base.Clone()
		p["steuerung"] = Answer{o.Value}
		got, want := Score(p), Score(base)
		for _, id := range ModelIDs {
			if scRaw(t, got, id) != scRaw(t, want, id) {
				t.Errorf("steuerung=%s changed %s although hidden", o.Value, id)
			}
		}
		if !reflect.DeepEqual(got.Ignored, []string{"steuerung"}) {
			t.Errorf("Ignored = %v, want [steuerung]", got.Ignored)
		}
		if scContains(got.Unanswered, "steuerung") {
			t.Errorf("hidden steuerung listed as unanswered")
		}
	}
}

// The fast evaluator used by the flip-point search must agree with Score.
func TestCompactEvalMatchesScore(t *testing.T) {
	for i, p := range scProfiles(500) {
		r := score(p)
		raw, excl := compactOf(p).eval()
		for j, id := range ModelIDs {
			m, _ := r.ByModel(id)
			if e := excl&(1<<j) != 0; m.Raw != raw[j] || m.Excluded != e {
				t.Fatalf("profile %d, %s: score raw %d excl %v; compact raw %d excl %v", i, id, m.Raw, m.Excluded, raw[j], e)
			}
		}
		if top, _ := leader(raw, excl); ModelIDs[top] != r.Top() {
			t.Fatalf("profile %d: compact top %s, score top %s", i, ModelIDs[top], r.Top())
		}
	}
}

func TestScoreLandAndCityState(t *testing.T) {
	for _, l := range Lands {
		r := Score(Profile{"bundesland": {l.Code}})
		if r.Land == nil || r.Land.Code != l.Code {
			t.Fatalf("%s: Result.Land = %v", l.Code, r.Land)
		}
		if l.CityState != (r.CityState != "") {
			t.Errorf("%s: CityState %q, city-state %v", l.Code, r.CityState, l.CityState)
		}
		if l.CityState && len(r.Ranking) != len(ModelIDs) {
			t.Errorf("%s: city-state must still compute the ranking", l.Code)
		}
	}
}

// Every partly confirmed or unverified fact of a model's form shows up as a
// flag with the "bitte prüfen" text; confirmed facts without a note do not.
func TestScoreFlagsUncertainFacts(t *testing.T) {
	for _, l := range Lands {
		r := Score(Profile{"bundesland": {l.Code}})
		for _, m := range r.Ranking {
			form, ok := l.Forms[m.Model]
			want := 0
			if ok && !m.Excluded {
				if form.Note.Text != "" {
					want++
				}
				if !form.Paragraphs.Confidence.Certain() {
					want++
				}
				if form.Approval.Text != "" && !form.Approval.Confidence.Certain() {
					want++
				}
			}
			if len(m.Flags) != want {
				t.Errorf("%s %s: %d flags, want %d: %+v", l.Code, m.Model, len(m.Flags), want, m.Flags)
			}
			for _, f := range m.Flags {
				if !strings.Contains(f.Text, CheckText) || f.Source == "" {
					t.Errorf("%s %s: flag %+v lacks %q or source", l.Code, m.Model, f, CheckText)
				}
			}
		}
	}
}

// An answered Multi key with no element chosen stays answered ("keine
// Angabe"), also through Clone.
func TestCloneKeepsEmptyMultiAnswer(t *testing.T) {
	p := Profile{"aufgabenfelder": {}, "umfang": {"austausch"}}
	c := p.Clone()
	if a, ok := c["aufgabenfelder"]; !ok || a == nil {
		t.Fatalf("Clone lost the empty answer: %#v", c)
	}
	if !reflect.DeepEqual(Score(p), Score(c)) {
		t.Error("scores of a profile and its clone differ")
	}
}
