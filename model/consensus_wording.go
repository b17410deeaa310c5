package model

// In a workshop several municipalities answer the same questions, and the
// facilitator sets one joint answer for the group. Two kinds of question
// need care there:
//
//   - Facts about one's own municipality (its kind of Träger, its own
//     strength, whether it is rural) differ by nature: they are shown as
//     a profile of each municipality, never as a vote or a dispute.
//   - Questions phrased from one's own point of view ("bleibt bei uns")
//     read differently from a Landkreis and from a Gemeinde although both
//     may mean the same arrangement. In the workshop they are phrased for
//     the group; the stored values stay the same, so the joint profile
//     scores as before.

// ownFacts are the profile keys that describe the answering municipality
// itself.
var ownFacts = map[string]bool{"traeger": true, "leistungskraft": true, "laendlich": true}

// IsOwnFact reports whether key is a fact about one's own municipality.
func IsOwnFact(key string) bool { return ownFacts[key] }

// groupWording replaces label, help and option labels of perspective
// questions for the workshop.
var groupWording = map[string]struct {
	help    string
	options map[string]string
}{
	"zustaendigkeit": {
		help: "Bleibt die rechtliche Verantwortung für die Aufgabe bei den heutigen Trägern, oder geht sie auf einen Partner über?",
		options: map[string]string{
			"behalten": "bleibt bei den heutigen Trägern",
			"abgeben":  "geht auf einen Partner über",
		},
	},
	"partner_leistungskraft": {
		help: "Sind die beteiligten Kommunen ähnlich stark aufgestellt oder deutlich unterschiedlich?",
	},
}

// GroupWording returns q as it is asked in a workshop: perspective
// questions phrased for the group; other questions unchanged.
func GroupWording(q ProfileQuestion) ProfileQuestion {
	w, ok := groupWording[q.Key]
	if !ok {
		return q
	}
	if w.help != "" {
		q.Help = w.help
	}
	if w.options != nil {
		opts := make([]Option, len(q.Options))
		for i, o := range q.Options {
			if l, ok := w.options[o.Value]; ok {
				o.Label = l
			}
			opts[i] = o
		}
		q.Options = opts
	}
	return q
}
