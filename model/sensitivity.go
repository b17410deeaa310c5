package model

import (
	"sort"
	"strconv"
)

// The flip point (domain.md §5): the smallest change of one answer that
// changes the top model.
//
// Candidate changes, for every visible key in catalogue order except the
// FixedKeys (hidden keys are ignored by scoring, so changing them changes
// nothing):
//   - an unanswered Single or Bool key: answer it with any option;
//   - an unanswered Multi key: answer it with exactly one option;
//   - an unanswered Number key: answer it with a value of NumberCandidates;
//   - an answered Single or Bool key: change it to any other option;
//   - an answered Multi key: add or remove one option (toggle);
//   - an answered Number key n: change it to n−1, n+1 or a value of
//     NumberCandidates (only values ≥ the question's minimum).
//
// Removing an answer is not a candidate: "not known" is not an alternative.
//
// Every candidate changes exactly one answer. "Smallest" orders the candidates
// that change the top model by:
//  1. Steps: on an ordered scale (OrderedKeys) the distance between the old and
//     the new option (gering → hoch = 2); for a Number the distance between
//     old and new value in the sorted list of the current value and its
//     candidates (n±1 are 1 step away); every other change is 1 step.
//     Answering an unanswered key is 1 step.
//  2. Lead: the new top model's lead in points over the next model after the
//     change, larger first — among equally small changes the clearest flip
//     is the more useful one, and a lead of 0 rests only on the tie-break.
//  3. Catalogue order of the key, then order of the new option (Numbers:
//     ascending value).
//
// When no candidate changes the top model, the result is Robust.

// NumberCandidates are the values tried for a Number answer besides n±1.
var NumberCandidates = []int{2, 3, 5, 10, 20}

// FixedKeys are facts rather than choices and never part of a flip point:
// the Land acts only through its law (exclusions, flags), and "move to
// another Land" is no advice.
var FixedKeys = map[string]bool{"bundesland": true}

// OrderedKeys are the Single keys whose options form an ordered scale.
var OrderedKeys = map[string]bool{
	"leistungskraft": true, "verbindlichkeit": true, "ressourcen": true,
	"neue_rechtsperson": true, "umfang": true,
}

// sensitivity finds the flip point of p; top is the current top model.
func sensitivity(p Profile, top ModelID) Sensitivity {
	if top == "" {
		return Sensitivity{Robust: true}
	}
	st := compactOf(p)
	best, found := flip{}, false
	cur := modelIndex(top)
	st.candidates(func(c flip) {
		raw, excl := st.with(c).eval()
		nt, lead := leader(raw, excl)
		if nt == cur {
			return
		}
		c.newTop, c.lead = nt, lead
		if !found || c.less(best) {
			best, found = c, true
		}
	})
	if !found {
		return Sensitivity{Robust: true}
	}
	q := ProfileQuestions[best.key]
	from, had := p[q.Key]
	if had && from == nil {
		from = Answer{} // answered with an empty list
	}
	return Sensitivity{Key: q.Key, From: from, To: st.with(best).answer(best.key), NewTop: ModelIDs[best.newTop], Lead: best.lead}
}

// flip is one candidate change.
type flip struct {
	key    int // index in ProfileQuestions
	value  int // new option index (Single, Bool), toggled option (Multi) or new number
	steps  int
	order  int // position among the key's candidates
	newTop int
	lead   int
}

func (a flip) less(b flip) bool {
	if a.steps != b.steps {
		return a.steps < b.steps
	}
	if a.lead != b.lead {
		return a.lead > b.lead
	}
	if a.key != b.key {
		return a.key < b.key
	}
	return a.order < b.order
}

// leader returns the top model (index) and its lead over the next model that
// is not excluded (bit i of excl set: model i excluded); ties go to the
// earlier model in catalogue order.
func leader(raw [numModels]int, excl uint8) (top, lead int) {
	top, second := -1, -1
	for i := range numModels {
		if excl&(1<<i) != 0 {
			continue
		}
		switch {
		case top < 0 || raw[i] > raw[top]:
			top, second = i, top
		case second < 0 || raw[i] > raw[second]:
			second = i
		}
	}
	if second < 0 {
		return top, 0
	}
	return top, raw[top] - raw[second]
}

// maxKeys bounds the number of profile questions the compact form can hold.
const maxKeys = 32

// compact is a profile as fixed-size arrays, cheap to copy and to score:
// Single and Bool answers as option index, Multi answers as a bit set of
// option indexes, Number answers as their value.
type compact struct {
	set [maxKeys]bool
	val [maxKeys]int
}

func compactOf(p Profile) compact {
	var c compact
	for k, q := range ProfileQuestions {
		a, ok := p[q.Key]
		if !ok {
			continue
		}
		switch q.Kind {
		case Number:
			n, err := strconv.Atoi(firstOf(a))
			if err != nil {
				continue
			}
			c.val[k] = n
		case Multi:
			for _, v := range a {
				if i := optionIndex(q, v); i >= 0 {
					c.val[k] |= 1 << i
				}
			}
		default:
			i := optionIndex(q, firstOf(a))
			if len(a) != 1 || i < 0 {
				continue
			}
			c.val[k] = i
		}
		c.set[k] = true
	}
	return c
}

func optionIndex(q ProfileQuestion, v string) int {
	for i, o := range q.Options {
		if o.Value == v {
			return i
		}
	}
	return -1
}

// with returns a copy of c with the candidate change applied.
func (c compact) with(f flip) compact {
	if ProfileQuestions[f.key].Kind == Multi {
		if !c.set[f.key] {
			c.val[f.key] = 0
		}
		c.val[f.key] ^= 1 << f.value
	} else {
		c.val[f.key] = f.value
	}
	c.set[f.key] = true
	return c
}

// answer converts key k back to a canonical Answer (nil if unanswered).
func (c compact) answer(k int) Answer {
	if !c.set[k] {
		return nil
	}
	q := ProfileQuestions[k]
	switch q.Kind {
	case Number:
		return Answer{strconv.Itoa(c.val[k])}
	case Multi:
		out := Answer{}
		for i, o := range q.Options {
			if c.val[k]&(1<<i) != 0 {
				out = append(out, o.Value)
			}
		}
		return out
	}
	return Answer{q.Options[c.val[k]].Value}
}

func (c compact) visible(k int) bool {
	h := tables.hide[k]
	if h.key < 0 || !c.set[h.key] {
		return true
	}
	if ProfileQuestions[h.key].Kind == Multi {
		return c.val[h.key]&(1<<h.opt) == 0
	}
	return c.val[h.key] != h.opt
}

// eval computes the raw points and exclusions (as a bit mask) like score,
// without texts: one table lookup per answered, visible key.
func (c compact) eval() (raw [numModels]int, excl uint8) {
	for k := range tables.keys {
		if !c.set[k] || !c.visible(k) {
			continue
		}
		t := &tables.keys[k]
		if t.kind == Number {
			for _, r := range t.num {
				if r.inRange(c.val[k]) {
					p := r.Points.array()
					for i := range raw {
						raw[i] += p[i]
					}
				}
			}
			continue
		}
		e := &t.entries[c.val[k]]
		for i := range raw {
			raw[i] += e.pts[i]
		}
		excl |= e.excl
	}
	if tables.landKey >= 0 && c.set[tables.landKey] {
		excl |= tables.landKO[c.val[tables.landKey]]
	}
	for _, ko := range tables.condKO {
		if c.set[ko.key] && c.visible(ko.key) && c.val[ko.key] == ko.opt && !(c.set[ko.unlessKey] && c.val[ko.unlessKey] == ko.unlessOpt) {
			excl |= 1 << ko.model
		}
	}
	return raw, excl
}

// candidates calls fn for every candidate change of c (see the package
// comment on the flip point above).
func (c compact) candidates(fn func(flip)) {
	for k, q := range ProfileQuestions {
		if !c.visible(k) || FixedKeys[q.Key] {
			continue
		}
		switch q.Kind {
		case Number:
			c.numberCandidates(k, q, fn)
		case Multi:
			for i := range q.Options {
				fn(flip{key: k, value: i, steps: 1, order: i})
			}
		default:
			for i := range q.Options {
				if c.set[k] && i == c.val[k] {
					continue
				}
				steps := 1
				if c.set[k] && OrderedKeys[q.Key] {
					steps = max(i-c.val[k], c.val[k]-i)
				}
				fn(flip{key: k, value: i, steps: steps, order: i})
			}
		}
	}
}

func (c compact) numberCandidates(k int, q ProfileQuestion, fn func(flip)) {
	var vals []int
	for _, n := range NumberCandidates {
		if n >= q.Min {
			vals = append(vals, n)
		}
	}
	if !c.set[k] {
		for i, n := range vals {
			fn(flip{key: k, value: n, steps: 1, order: i})
		}
		return
	}
	cur := c.val[k]
	vals = append(vals, cur, cur+1)
	if cur-1 >= q.Min {
		vals = append(vals, cur-1)
	}
	sort.Ints(vals)
	vals = uniqueInts(vals)
	at := sort.SearchInts(vals, cur)
	for i, n := range vals {
		if n != cur {
			fn(flip{key: k, value: n, steps: max(i-at, at-i), order: i})
		}
	}
}

func uniqueInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// tables is Rules and KnockOuts compiled per question for eval.
var tables = compileTables()

// entry is what one answer of a key gives: points and excluded models.
type entry struct {
	pts  [numModels]int
	excl uint8 // bit i set: model i excluded
}

type keyTable struct {
	kind Kind
	// entries by option index (Single, Bool) or by bit set of chosen
	// options (Multi: every subset is precomputed).
	entries []entry
	num     []Rule // Number rules, checked directly
}

type hideRef struct{ key, opt int }

type compiledTables struct {
	keys    []keyTable
	hide    []hideRef
	landKey int
	landKO  []uint8 // excluded models per bundesland option
	condKO  []condKO
}

// condKO is a knock-out with an Unless condition on a Single key; the
// per-option tables cannot hold it.
type condKO struct{ key, opt, unlessKey, unlessOpt, model int }

func compileTables() compiledTables {
	if len(ProfileQuestions) > maxKeys {
		panic("model: too many profile questions for the compact form")
	}
	t := compiledTables{keys: make([]keyTable, len(ProfileQuestions)), hide: make([]hideRef, len(ProfileQuestions)), landKey: -1}
	for k, q := range ProfileQuestions {
		kt := &t.keys[k]
		kt.kind = q.Kind
		perOption := make([]entry, len(q.Options))
		for _, r := range Rules {
			if r.Key != q.Key {
				continue
			}
			if q.Kind == Number {
				kt.num = append(kt.num, r)
			} else if i := optionIndex(q, r.Value); i >= 0 {
				p := r.Points.array()
				for m := range p {
					perOption[i].pts[m] += p[m]
				}
			}
		}
		for _, ko := range KnockOuts {
			if !ko.LandForm && ko.Key == q.Key && ko.Unless == nil {
				perOption[optionIndex(q, ko.Value)].excl |= 1 << modelIndex(ko.Model)
			}
		}
		kt.entries = perOption
		if q.Kind == Multi {
			if len(q.Options) > 8 {
				panic("model: too many options for a precomputed Multi table: " + q.Key)
			}
			kt.entries = make([]entry, 1<<len(q.Options))
			for set := range kt.entries {
				for i, e := range perOption {
					if set&(1<<i) != 0 {
						for m := range e.pts {
							kt.entries[set].pts[m] += e.pts[m]
						}
						kt.entries[set].excl |= e.excl
					}
				}
			}
		}
		t.hide[k] = hideRef{key: -1}
		if q.HideIf != nil {
			hq, _ := ProfileQuestionByKey(q.HideIf.Key)
			t.hide[k] = hideRef{key: profileIndex[q.HideIf.Key], opt: optionIndex(hq, q.HideIf.Value)}
		}
		if q.Key == "bundesland" {
			t.landKey = k
			t.landKO = make([]uint8, len(q.Options))
			for i, o := range q.Options {
				land, ok := LandByCode(o.Value)
				for _, ko := range KnockOuts {
					if !ko.LandForm {
						continue
					}
					if _, _, fires := ko.fires(Profile{}, land, ok); fires {
						t.landKO[i] |= 1 << modelIndex(ko.Model)
					}
				}
			}
		}
	}
	for _, ko := range KnockOuts {
		if ko.LandForm || ko.Unless == nil {
			continue
		}
		q, _ := ProfileQuestionByKey(ko.Key)
		uq, _ := ProfileQuestionByKey(ko.Unless.Key)
		if q.Kind == Multi || uq.Kind == Multi {
			panic("model: conditional knock-out on a Multi key: " + ko.ID)
		}
		t.condKO = append(t.condKO, condKO{key: profileIndex[ko.Key], opt: optionIndex(q, ko.Value),
			unlessKey: profileIndex[ko.Unless.Key], unlessOpt: optionIndex(uq, ko.Unless.Value), model: modelIndex(ko.Model)})
	}
	return t
}
