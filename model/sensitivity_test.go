package model

import (
	"sort"
	"strconv"
	"strings"
	"testing"
)

// scChange is one single-answer change, enumerated straight from the
// documented definition on Profile maps (independent of the compact form).
type scChange struct {
	key   string
	keyAt int
	to    Answer
	steps int
	order int
}

func scAllChanges(p Profile) []scChange {
	var out []scChange
	for k, q := range ProfileQuestions {
		if !p.Visible(q) || FixedKeys[q.Key] {
			continue
		}
		cur, answered := p[q.Key]
		switch q.Kind {
		case Number:
			vals := []int{}
			for _, n := range NumberCandidates {
				if n >= q.Min {
					vals = append(vals, n)
				}
			}
			if !answered {
				for i, n := range vals {
					out = append(out, scChange{q.Key, k, Answer{strconv.Itoa(n)}, 1, i})
				}
				continue
			}
			n, _ := strconv.Atoi(cur[0])
			vals = append(vals, n, n+1)
			if n-1 >= q.Min {
				vals = append(vals, n-1)
			}
			sort.Ints(vals)
			var uniq []int
			for _, v := range vals {
				if len(uniq) == 0 || uniq[len(uniq)-1] != v {
					uniq = append(uniq, v)
				}
			}
			at := sort.SearchInts(uniq, n)
			for i, v := range uniq {
				if v != n {
					out = append(out, scChange{q.Key, k, Answer{strconv.Itoa(v)}, max(i-at, at-i), i})
				}
			}
		case Multi:
			for i, o := range q.Options {
				set := map[string]bool{}
				for _, v := range cur {
					set[v] = true
				}
				set[o.Value] = !set[o.Value]
				to := Answer{}
				for _, o2 := range q.Options {
					if set[o2.Value] {
						to = append(to, o2.Value)
					}
				}
				out = append(out, scChange{q.Key, k, to, 1, i})
			}
		default:
			curAt := -1
			if answered {
				curAt = optionIndex(q, cur[0])
			}
			for i, o := range q.Options {
				if i == curAt {
					continue
				}
				steps := 1
				if answered && OrderedKeys[q.Key] {
					steps = max(i-curAt, curAt-i)
				}
				out = append(out, scChange{q.Key, k, Answer{o.Value}, steps, i})
			}
		}
	}
	return out
}

// scLead is the top model's lead over the next model that is not excluded.
func scLead(r Result) int {
	for _, m := range r.Ranking[1:] {
		if !m.Excluded {
			return r.Ranking[0].Raw - m.Raw
		}
	}
	return 0
}

func TestSensitivityFlipIsRealAndSmallest(t *testing.T) {
	robust, flips := 0, 0
	for i, p := range append(scProfiles(300), scRobustProfile()) {
		r := Score(p)
		s := r.Sensitivity
		top := r.Top()

		// Find the smallest flipping change by brute force.
		var best *scChange
		var bestLead int
		var bestTop ModelID
		for _, c := range scAllChanges(p) {
			q := p.Clone()
			q[c.key] = c.to
			rq := score(q)
			if rq.Top() == top {
				continue
			}
			lead := scLead(rq)
			better := best == nil || c.steps < best.steps ||
				(c.steps == best.steps && (lead > bestLead ||
					(lead == bestLead && (c.keyAt < best.keyAt || (c.keyAt == best.keyAt && c.order < best.order)))))
			if better {
				c := c
				best, bestLead, bestTop = &c, lead, rq.Top()
			}
		}

		if best == nil {
			robust++
			if !s.Robust || s.Key != "" {
				t.Fatalf("profile %d: no single change flips, but sensitivity = %+v", i, s)
			}
			continue
		}
		flips++
		if s.Robust {
			t.Fatalf("profile %d: reported robust, but %s → %v flips to %s", i, best.key, best.to, bestTop)
		}
		if s.Key != best.key || strings.Join(s.To, ",") != strings.Join(best.to, ",") || s.NewTop != bestTop {
			t.Fatalf("profile %d: flip %s → %v (%s), want the smaller %s → %v (%s, %d steps, lead %d)",
				i, s.Key, s.To, s.NewTop, best.key, best.to, bestTop, best.steps, bestLead)
		}
		// The reported change really flips the top model.
		q := p.Clone()
		q[s.Key] = s.To
		if got := Score(q).Top(); got != s.NewTop || got == top {
			t.Fatalf("profile %d: applying %s → %v gives top %s, want %s (was %s)", i, s.Key, s.To, got, s.NewTop, top)
		}
		// From is the current answer, nil when unanswered.
		if cur, ok := p[s.Key]; (ok && strings.Join(cur, ",") != strings.Join(s.From, ",")) || (!ok && s.From != nil) {
			t.Fatalf("profile %d: From = %v, profile has %v", i, s.From, p[s.Key])
		}
		// Lead is the new top model's lead after the change (the wording
		// says "gleichauf" for 0).
		if s.Lead != bestLead {
			t.Fatalf("profile %d: lead %d after the flip, want %d", i, s.Lead, bestLead)
		}
	}
	if robust == 0 || flips == 0 {
		t.Errorf("test set should contain robust (%d) and flippable (%d) profiles", robust, flips)
	}
}

// scRobustProfile leans so clearly towards informal cooperation (an
// existing network that only wants to exchange) that no single change
// moves another model ahead.
func scRobustProfile() Profile {
	return Profile{
		"bundesland": {"HE"}, "traeger": {"landkreis"}, "leistungskraft": {"hoch"},
		"partner_leistungskraft": {"aehnlich"}, "partner_anzahl": {"8"}, "laendlich": {"false"},
		"ziele": {"erfahrungsaustausch"}, "aufgabenfelder": {"bestandsaufnahme", "bedarfserfassung"},
		"umfang": {"austausch"}, "verbindlichkeit": {"gering"},
		"neue_rechtsperson": {"nein"}, "bestehende_struktur": {"netzwerk"},
		"regionale_naehe": {"erforderlich"}, "ressourcen": {"gering"}, "dauer": {"befristet"},
	}
}

func TestSensitivityRobustProfile(t *testing.T) {
	r := Score(scRobustProfile())
	if r.Top() != Informell || !r.Sensitivity.Robust {
		t.Fatalf("top %s, sensitivity %+v; want robust informal cooperation\n%s", r.Top(), r.Sensitivity, scDump(r))
	}
}

func TestSensitivityExamples(t *testing.T) {
	tests := []struct {
		name string
		p    Profile
		key  string
		from Answer
		to   Answer
		top  ModelID
	}{
		// Exchange only: the smallest step on the umfang scale brings the mandating agreement ahead.
		{"austausch_zu_einzelaufgaben", Profile{"umfang": {"austausch"}}, "umfang", Answer{"austausch"}, Answer{"einzelaufgaben"}, VereinbarungMandatierend},
		// Responsibility moves: keeping it flips to the mandating agreement with the largest lead.
		{"zustaendigkeit_behalten", Profile{"zustaendigkeit": {"abgeben"}}, "zustaendigkeit", Answer{"abgeben"}, Answer{"behalten"}, VereinbarungMandatierend},
		// The Zweckverband leads by 1 (5 to 4, domain.md §8). Answering steuerung
		// "unternehmerisch" gives the AöR a lead of 5 (8 to 3).
		{"offene_frage_steuerung", Profile{"umfang": {"gesamtbetrieb"}, "neue_rechtsperson": {"ja"}}, "steuerung", nil, Answer{"unternehmerisch"}, AoeR},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Score(tt.p).Sensitivity
			if s.Key != tt.key || strings.Join(s.From, ",") != strings.Join(tt.from, ",") ||
				strings.Join(s.To, ",") != strings.Join(tt.to, ",") || s.NewTop != tt.top {
				t.Errorf("flip = %s %v → %v (%s), want %s %v → %v (%s)", s.Key, s.From, s.To, s.NewTop, tt.key, tt.from, tt.to, tt.top)
			}
		})
	}
}

func TestSensitivityUnanswered(t *testing.T) {
	s := Score(Profile{}).Sensitivity
	if s.Robust || s.From != nil || s.Key == "" || s.To == nil {
		t.Fatalf("empty profile: %+v", s)
	}
}

func TestNumberCandidateSteps(t *testing.T) {
	var got []string
	c := compactOf(Profile{"partner_anzahl": {"7"}})
	c.numberCandidates(profileIndex["partner_anzahl"], ProfileQuestions[profileIndex["partner_anzahl"]], func(f flip) {
		got = append(got, strconv.Itoa(f.value)+":"+strconv.Itoa(f.steps))
	})
	want := "2:4 3:3 5:2 6:1 8:1 10:2 20:3"
	if strings.Join(got, " ") != want {
		t.Errorf("candidates for 7 = %v, want %s", got, want)
	}
}
