package model

import (
	"fmt"
	"strings"
)

// Score computes the explainable recommendation for a profile. It is
// deterministic and pure: the same profile always gives the same Result.
//
// How a model's points come about:
//   - Every rule in Rules whose answer matches adds its points to each model
//     (one Contribution per model with non-zero points, in catalogue order of
//     the keys, then in the order of Rules).
//   - Unanswered keys and hidden keys (ProfileQuestion.HideIf) contribute
//     nothing; unanswered visible keys are listed in Result.Unanswered, answered
//     hidden ones in Result.Ignored.
//   - KnockOuts exclude a model (with reason and source); excluded models are
//     ranked last, in catalogue order, and never lead.
//   - Legal facts of the chosen Land that are only partly confirmed or
//     unverified, and the Land's caveats, become Flags on the models they
//     concern ("bitte mit der Rechtsaufsicht prüfen").
//
// Ranking: by Raw (the sum of points), highest first; ties are broken by the
// catalogue order of ModelIDs.
//
// Scaling of Score (0–100): all models share one scale, so the order of the
// scores is the order of the points. For the answered, visible keys we take,
// per model, the lowest and highest total that model could reach by answering
// those keys differently; Lo is the lowest of these minima over all models,
// Hi the highest maximum. Then Score = round(100 · (Raw − Lo) / (Hi − Lo)).
// 100 means "as many points as any model could get with these questions",
// 0 "as few as any model could get". With nothing to score (Hi = Lo) every
// model gets 50. An excluded model gets Score 0 and never leads; its Raw
// and Contributions are kept, so the reader still sees what spoke for it.
func Score(p Profile) Result {
	r := score(p)
	r.Sensitivity = sensitivity(p, r.Top())
	return r
}

// score is Score without the sensitivity search.
func score(p Profile) Result {
	var r Result
	land, hasLand := profileLand(p)
	if hasLand {
		l := land
		r.Land = &l
		if land.CityState {
			r.CityState = land.CityNote
		}
	}

	var ms [numModels]ModelScore
	for i, id := range ModelIDs {
		ms[i].Model = id
	}

	addContributions(p, &ms)

	// Knock-outs: the first one that fires gives the reason.
	for _, ko := range KnockOuts {
		i := modelIndex(ko.Model)
		if ms[i].Excluded {
			continue
		}
		if reason, src, ok := ko.fires(p, land, hasLand); ok {
			ms[i].Excluded, ms[i].Exclusion, ms[i].ExclusionSrc = true, reason, src
		}
	}

	// Flags for the Land's uncertain facts and caveats.
	if hasLand {
		for i := range ms {
			if !ms[i].Excluded {
				ms[i].Flags = landFlags(land, ms[i].Model)
			}
		}
	}

	lo, hi := scaleBounds(p)
	for i := range ms {
		if !ms[i].Excluded {
			ms[i].Score = scale(ms[i].Raw, lo, hi)
		}
	}

	r.Ranking = rank(ms)
	r.Contradictions = contradictions(p)
	r.Unanswered = p.Unanswered()
	for _, q := range ProfileQuestions {
		if _, ok := p[q.Key]; ok && !p.Visible(q) {
			r.Ignored = append(r.Ignored, q.Key)
		}
	}
	return r
}

// addContributions applies the rules of the answered, visible keys, in
// catalogue order of the keys (and order of Rules within a key). All
// contributions share one backing array: one allocation per Score.
func addContributions(p Profile, ms *[numModels]ModelScore) {
	type hit struct {
		rule  *Rule
		value string
	}
	var buf [32]hit
	hits := buf[:0]
	for k, q := range ProfileQuestions {
		a, ok := p[q.Key]
		if !ok || !p.Visible(q) {
			continue
		}
		for _, ri := range rulesByKey[k] {
			if r := &Rules[ri]; r.Matches(a) {
				value := r.Value
				if value == "" {
					value = a[0]
				}
				hits = append(hits, hit{r, value})
			}
		}
	}
	var count [numModels]int
	total := 0
	for _, h := range hits {
		for i, pts := range h.rule.Points.array() {
			if pts != 0 {
				count[i]++
				total++
			}
		}
	}
	all := make([]Contribution, total)
	for i := range ms {
		ms[i].Contributions, all = all[:0:count[i]], all[count[i]:]
	}
	for _, h := range hits {
		r := h.rule
		for i, pts := range r.Points.array() {
			if pts == 0 {
				continue
			}
			ms[i].Raw += pts
			why := r.ReasonFor(ModelIDs[i], pts)
			ms[i].Contributions = append(ms[i].Contributions, Contribution{
				RuleID: r.ID, Key: r.Key, Value: h.value, Points: pts, Reason: why.Reason, Source: why.Source,
			})
		}
	}
}

// rulesByKey[k] lists the indexes in Rules of the rules on question k.
var rulesByKey = func() [][]int {
	out := make([][]int, len(ProfileQuestions))
	for i, r := range Rules {
		k, ok := profileIndex[r.Key]
		if !ok {
			panic("model: rule " + r.ID + " on unknown key " + r.Key)
		}
		out[k] = append(out[k], i)
	}
	return out
}()

// CheckText is appended to every flag: the product never states an uncertain
// legal fact as certain.
const CheckText = "bitte mit der Rechtsaufsicht prüfen"

// Disclaimer is shown once with every result.
const Disclaimer = "Orientierungshilfe, keine Rechtsberatung."

func profileLand(p Profile) (LandLaw, bool) {
	code, ok := p.Choice("bundesland")
	if !ok {
		return LandLaw{}, false
	}
	return LandByCode(code)
}

// fires reports whether the knock-out applies, with its reason and source.
func (ko KnockOut) fires(p Profile, land LandLaw, hasLand bool) (reason, source string, ok bool) {
	if !ko.LandForm {
		q, _ := ProfileQuestionByKey(ko.Key)
		unless := ko.Unless != nil && p.Is(ko.Unless.Key, ko.Unless.Value)
		return ko.Reason, ko.Source, p.Visible(q) && p.Is(ko.Key, ko.Value) && !unless
	}
	if !hasLand {
		return "", "", false
	}
	form, exists := land.Forms[ko.Model]
	if !exists || form.Available {
		return "", "", false
	}
	reason = fmt.Sprintf("%s: %s", land.Name, ko.Reason)
	if form.Note.Text != "" {
		reason = form.Note.Text
		if !strings.Contains(reason, land.Name) {
			reason = fmt.Sprintf("%s: %s", land.Name, reason)
		}
	}
	law := land.Abbrev
	if law == "" {
		law = land.Name
	}
	return reason, ko.Source + ": " + law, true
}

// landFlags lists the caveats of the Land's form for one model: its note (a
// caveat even when confirmed) and every fact that is not confirmed.
func landFlags(land LandLaw, id ModelID) []Flag {
	form, ok := land.Forms[id]
	if !ok {
		return nil
	}
	var out []Flag
	src := land.Abbrev
	if src == "" {
		src = land.Name
	}
	if form.Note.Text != "" {
		out = append(out, Flag{Kind: FlagDifferent, Text: trimDot(form.Note.Text) + " – " + CheckText + ".", Source: src})
	}
	if !form.Paragraphs.Confidence.Certain() {
		out = append(out, Flag{Kind: FlagUnverified, Text: fmt.Sprintf("Rechtsgrundlage „%s“ ist nicht abschließend geklärt – %s.", form.Paragraphs.Text, CheckText), Source: src})
	}
	if form.Approval.Text != "" && !form.Approval.Confidence.Certain() {
		out = append(out, Flag{Kind: FlagUnverified, Text: fmt.Sprintf("Genehmigung oder Anzeige: %s – %s.", trimDot(form.Approval.Text), CheckText), Source: src})
	}
	return out
}

func trimDot(s string) string {
	if len(s) > 0 && s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}

// rank orders models: not excluded before excluded, then Raw descending,
// then catalogue order.
func rank(ms [numModels]ModelScore) []ModelScore {
	out := make([]ModelScore, 0, numModels)
	for _, excluded := range []bool{false, true} {
		start := len(out)
		for i := range ms {
			if ms[i].Excluded == excluded {
				out = append(out, ms[i])
			}
		}
		part := out[start:]
		// stable insertion sort keeps catalogue order among equal Raw
		for i := 1; i < len(part); i++ {
			for j := i; j > 0 && !excluded && part[j].Raw > part[j-1].Raw; j-- {
				part[j], part[j-1] = part[j-1], part[j]
			}
		}
	}
	return out
}

func modelIndex(id ModelID) int {
	for i, m := range ModelIDs {
		if m == id {
			return i
		}
	}
	panic("model: unknown model " + string(id))
}

// scale maps raw points to 0–100 between lo and hi (see Score).
func scale(raw, lo, hi int) int {
	if hi <= lo {
		return 50
	}
	n := raw - lo
	if n <= 0 {
		return 0
	}
	if raw >= hi {
		return 100
	}
	return (200*n + (hi - lo)) / (2 * (hi - lo)) // round half up
}

// scaleBounds returns Lo and Hi of the shared scale for the answered,
// visible keys of p.
func scaleBounds(p Profile) (lo, hi int) {
	var mins, maxs [numModels]int
	for k, q := range ProfileQuestions {
		if _, ok := p[q.Key]; !ok || !p.Visible(q) {
			continue
		}
		for i := range numModels {
			mins[i] += keyRanges[k][i][0]
			maxs[i] += keyRanges[k][i][1]
		}
	}
	lo, hi = mins[0], maxs[0]
	for i := 1; i < numModels; i++ {
		lo, hi = min(lo, mins[i]), max(hi, maxs[i])
	}
	return lo, hi
}

// keyRanges[k][m] is {min, max} of the points question k can give model m
// over all its possible answers: for Single and Bool the best and worst
// option; for Multi the sum of all negative and of all positive elements
// (any subset may be chosen); for Number every value from Min to one past
// the highest rule bound.
var keyRanges = func() [][numModels][2]int {
	out := make([][numModels][2]int, len(ProfileQuestions))
	for k, q := range ProfileQuestions {
		var totals [][numModels]int
		switch q.Kind {
		case Number:
			top := q.Min
			for _, r := range Rules {
				if r.Key == q.Key {
					top = max(top, r.Min, r.Max)
				}
			}
			for n := q.Min; n <= top+1; n++ {
				totals = append(totals, pointsFor(q.Key, Answer{fmt.Sprint(n)}))
			}
		default:
			for _, o := range q.Options {
				totals = append(totals, pointsFor(q.Key, Answer{o.Value}))
			}
		}
		for m := range numModels {
			lo, hi := 0, 0
			for j, t := range totals {
				switch {
				case q.Kind == Multi:
					lo, hi = lo+min(0, t[m]), hi+max(0, t[m])
				case j == 0:
					lo, hi = t[m], t[m]
				default:
					lo, hi = min(lo, t[m]), max(hi, t[m])
				}
			}
			out[k][m] = [2]int{lo, hi}
		}
	}
	return out
}()

// pointsFor sums the points of all rules on key that match a.
func pointsFor(key string, a Answer) [numModels]int {
	var sum [numModels]int
	for _, r := range Rules {
		if r.Key == key && r.Matches(a) {
			for i, pts := range r.Points.array() {
				sum[i] += pts
			}
		}
	}
	return sum
}
