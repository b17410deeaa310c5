package wording

import (
	"strings"
	"testing"

	"ikz/model"
)

// The Kipppunkt says which answer, changed how, puts which model first –
// in whole German sentences, without the terse option labels that only
// make sense next to the question ("geht über").
func TestFlipSentence(t *testing.T) {
	tests := []struct {
		name  string
		p     model.Profile
		group bool
		want  string
	}{
		{"answered, own words", model.Profile{"zustaendigkeit": {"abgeben"}}, false,
			"Lautet die Antwort auf „Zuständigkeit“ „bleibt bei uns“ statt „geht auf einen Partner über“, " +
				"passt „Öffentlich-rechtliche Vereinbarung (mandatierend)“ am besten."},
		{"answered, workshop words", model.Profile{"zustaendigkeit": {"abgeben"}}, true,
			"Lautet die Antwort auf „Zuständigkeit“ „bleibt bei den heutigen Trägern“ statt „geht auf einen Partner über“, " +
				"passt „Öffentlich-rechtliche Vereinbarung (mandatierend)“ am besten."},
		{"open question", model.Profile{"umfang": {"gesamtbetrieb"}, "neue_rechtsperson": {"ja"}}, false,
			"Wird die noch offene Frage „Art der Steuerung“ mit „unternehmerisch, mit Vorstand“ beantwortet, " +
				"passt „Gemeinsame kommunale Anstalt (AöR)“ am besten."},
		{"ordered scale", model.Profile{"umfang": {"austausch"}}, false,
			"Lautet die Antwort auf „Umfang der Zusammenarbeit“ „nur ein Teil einer Aufgabe (etwa allein die Verwaltung oder allein die Technik)“ statt „nur Austausch“, " +
				"passt „Öffentlich-rechtliche Vereinbarung (mandatierend)“ am besten."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := model.Score(tt.p)
			w := newResult(r, tt.group)
			if w.Flip != tt.want {
				t.Errorf("flip\n got %q\nwant %q", w.Flip, tt.want)
			}
		})
	}
}

// Every flip sentence over many profiles names the question, the new and
// the old answer (or the toggled option) and the new leader, says when
// several models lead today or would lead together after the change, and
// never uses the bare "geht über".
func TestFlipSentenceNamesTheChange(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range flipProfiles() {
		r := model.Score(p)
		w := NewResult(r)
		s := r.Sensitivity
		if w.Flip == "" || s.Robust {
			continue
		}
		q, _ := model.ProfileQuestionByKey(s.Key)
		want := []string{"„" + q.Label + "“", "„" + ModelName(s.NewTop) + "“"}
		switch {
		case s.From == nil:
			want = append(want, "noch offene Frage", q.AnswerText(s.To))
			seen["open"] = true
		case q.Kind == model.Multi:
			want = append(want, toggled(s.From, s.To, q))
			seen["multi"] = true
		default:
			want = append(want, "„"+q.AnswerText(s.To)+"“ statt „"+q.AnswerText(s.From)+"“")
			seen["changed"] = true
		}
		switch {
		case s.Lead == 0:
			want = append(want, "gleichauf an der Spitze")
			seen["tie after"] = true
		case w.Tied:
			want = append(want, "heute liegen mehrere Modelle gleichauf")
			seen["tie before"] = true
		default:
			want = append(want, "am besten.")
		}
		for _, x := range want {
			if !strings.Contains(w.Flip, x) {
				t.Errorf("profile %v: %q lacks %q", p, w.Flip, x)
			}
		}
		if strings.Contains(w.Flip, "„geht über“") || !strings.HasSuffix(w.Flip, ".") {
			t.Errorf("profile %v: %q", p, w.Flip)
		}
	}
	for _, k := range []string{"open", "changed", "tie before"} {
		if !seen[k] {
			t.Errorf("no profile exercised the %q sentence", k)
		}
	}
}

func toggled(from, to model.Answer, q model.ProfileQuestion) string {
	for _, v := range to {
		if !strings.Contains(","+strings.Join(from, ",")+",", ","+v+",") {
			return "„" + q.OptionLabel(v) + "“ hinzu"
		}
	}
	for _, v := range from {
		if !strings.Contains(","+strings.Join(to, ",")+",", ","+v+",") {
			return "„" + q.OptionLabel(v) + "“ weg"
		}
	}
	return "?"
}

// flipProfiles answers one or two questions with every option, which
// gives open questions, changed answers, Multi toggles and ties.
func flipProfiles() []model.Profile {
	var out []model.Profile
	qs := model.ProfileQuestions
	for i, q := range qs {
		for _, o := range q.Options {
			out = append(out, model.Profile{q.Key: {o.Value}})
			for _, q2 := range qs[i+1:] {
				if len(q2.Options) > 0 {
					out = append(out, model.Profile{q.Key: {o.Value}, q2.Key: {q2.Options[len(q2.Options)-1].Value}})
				}
			}
		}
	}
	return out
}

// A multiple choice names the one option added or dropped; a change that
// only ties at the top says there would be no clear recommendation.
func TestFlipSentenceMultiAndTie(t *testing.T) {
	tests := []struct {
		s      model.Sensitivity
		leader model.ModelID
		want   string
	}{
		{model.Sensitivity{Key: "ziele", From: model.Answer{"erfahrungsaustausch"}, To: model.Answer{"erfahrungsaustausch", "wirtschaftlichkeit"}, NewTop: model.Zweckverband, Lead: 2},
			model.Informell, "Kommt bei „Ziele der Zusammenarbeit“ „Kosten senken, wirtschaftlicher arbeiten“ hinzu, passt „Zweckverband“ am besten."},
		{model.Sensitivity{Key: "ziele", From: model.Answer{"erfahrungsaustausch", "wirtschaftlichkeit"}, To: model.Answer{"wirtschaftlichkeit"}, NewTop: model.Zweckverband, Lead: 0},
			model.Informell, "Fällt bei „Ziele der Zusammenarbeit“ „voneinander lernen, Erfahrungen austauschen“ weg, liegt „Zweckverband“ gleichauf an der Spitze – eine klare Empfehlung gäbe es dann nicht."},
		{model.Sensitivity{Robust: true}, model.Informell, RobustFlip},
	}
	for _, tt := range tests {
		if got := FlipSentence(tt.s, tt.leader, false); got != tt.want {
			t.Errorf("\n got %q\nwant %q", got, tt.want)
		}
	}
}
