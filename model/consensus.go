package model

import (
	"slices"
	"sort"
	"strings"
)

// Agreement says how far the participants of a workshop agree on one
// profile key or quick-check item. Only those who count are compared: a
// municipality marked absent, or one to which the question does not apply
// (its own answers hide it), leaves the denominator n. Of the n:
//
//   - Ausstehend: answers are still missing (also when nobody answered);
//     Spread.Among says how far those who answered agree so far;
//   - Einigkeit: all n answered, and all alike;
//   - Teilweise: all n answered, one answer holds a strict majority;
//   - Dissens: all n answered, no answer holds a strict majority;
//   - Profil: a fact about each municipality (its kind of Träger, its
//     own strength) — shown as a profile of the municipalities, never as
//     a vote, so it is never disputed.
type Agreement int

const (
	Dissens Agreement = iota
	Teilweise
	Ausstehend
	Einigkeit
	Profil
)

// Label is the German marker shown in the facilitator view and the report.
func (a Agreement) Label() string {
	switch a {
	case Einigkeit:
		return "Einigkeit"
	case Teilweise:
		return "teilweise"
	case Dissens:
		return "Dissens"
	case Profil:
		return "Profil"
	}
	return "ausstehend"
}

// Disputed reports whether the answers, all given, differ: the facilitator
// has to talk about it (unless a joint answer settled it, see Settled).
func (a Agreement) Disputed() bool { return a == Dissens || a == Teilweise }

// Group is one distinct answer with the participants (IDs) who gave it.
type Group struct {
	Value        string      // the answer as one string (Answer values joined by ", ")
	Answer       Answer      // profile keys only
	Status       QuickStatus // quick-check items only
	Participants []string    // participant IDs, in session order
}

// Tally is how many of those who answered a multiple-choice question
// ticked one option.
type Tally struct {
	Option Option
	Count  int
}

// Spread is the distribution of answers to one key or item.
type Spread struct {
	Level Agreement
	// Among is the agreement among those who answered so far
	// (Einigkeit, Teilweise or Dissens; Ausstehend while nobody did).
	Among   Agreement
	Groups  []Group  // largest first; ties in order of first appearance
	Missing []string // participant IDs that count but have not answered, in session order
	// Absent and NotApplicable are left out of the denominator.
	Absent        []string
	NotApplicable []string
	Total         int     // n: participants that count (present, question applies)
	Answered      int     // how many of them answered
	Tallies       []Tally // multiple-choice questions: per option, in catalogue order
}

// Pending reports whether answers are still missing.
func (s Spread) Pending() bool { return len(s.Missing) > 0 }

// Majority returns the group holding a strict majority of those who
// answered, if any.
func (s Spread) Majority() (Group, bool) {
	if len(s.Groups) > 0 && 2*len(s.Groups[0].Participants) > s.Answered {
		return s.Groups[0], true
	}
	return Group{}, false
}

// Unanimous reports whether everyone who counts answered, all alike.
func (s Spread) Unanimous() bool {
	return len(s.Groups) == 1 && len(s.Missing) == 0
}

// KeyConsensus is the spread of one profile key and the agreed answer
// (the session's own profile; nil while none is set).
type KeyConsensus struct {
	Question ProfileQuestion // in the group's wording (GroupWording)
	Spread
	Agreed Answer
}

// Settled reports whether the facilitator set a joint answer.
func (k KeyConsensus) Settled() bool { return k.Agreed != nil }

// QuickConsensus is the spread of one quick-check item over the
// participants' ratings, with the session's own status as the agreed one.
type QuickConsensus struct {
	Item  QuickItem
	Phase PhaseID
	Spread
	Agreed QuickStatus // "" while none is set
}

// Settled reports whether the facilitator set a joint status.
func (q QuickConsensus) Settled() bool { return q.Agreed != "" }

// RankingColumn is one ranking of the side-by-side view: a participant's
// (Score on their own profile) or the joint one (ParticipantID "",
// Score on the session's agreed profile).
type RankingColumn struct {
	ParticipantID string
	Name          string
	Result        Result
	// Answered counts the answers the ranking rests on: a municipality
	// that has answered nothing has no ranking of its own yet (its scores
	// would be the empty profile's tie, not an opinion).
	Answered int
}

// JointName labels the joint ranking.
const JointName = "Gemeinsam"

// Consensus is the facilitator's view of a workshop session.
type Consensus struct {
	// Keys: open disputes first (Dissens, teilweise), then pending, then
	// agreed, then the profile facts; settled ones (joint answer set)
	// after the unsettled of their level; catalogue order within.
	Keys     []KeyConsensus
	Quick    []QuickConsensus // same order
	Rankings []RankingColumn  // one per present participant in session order, then the joint ranking
}

// Disputed counts the disputed profile keys without a joint answer: what
// the room still has to settle.
func (c Consensus) Disputed() int {
	n := 0
	for _, k := range c.Keys {
		if k.Level.Disputed() && !k.Settled() {
			n++
		}
	}
	return n
}

// DisputedQuick counts the disputed quick-check items without a joint status.
func (c Consensus) DisputedQuick() int {
	n := 0
	for _, q := range c.Quick {
		if q.Level.Disputed() && !q.Settled() {
			n++
		}
	}
	return n
}

// Settled counts the profile keys with a joint answer.
func (c Consensus) Settled() int {
	n := 0
	for _, k := range c.Keys {
		if k.Settled() {
			n++
		}
	}
	return n
}

// Key returns the consensus of one profile key.
func (c Consensus) Key(key string) (KeyConsensus, bool) {
	for _, k := range c.Keys {
		if k.Question.Key == key {
			return k, true
		}
	}
	return KeyConsensus{}, false
}

// ComputeConsensus compares the participants' answers of s. Every profile
// question and every quick-check item is listed. A participant counts for a
// question unless marked absent or the question does not apply to it (its
// own answers hide it); an answer left from before it stopped applying is
// ignored.
func ComputeConsensus(s *Session) Consensus { return ComputeConsensusCached(s, nil) }

// ComputeConsensusCached is ComputeConsensus with the rankings taken from
// cache where a profile was scored before (nil: no cache). A workshop
// screen recomputes the consensus after every answer of anyone; usually
// one profile changed, so one ranking needs scoring, not all of them.
func ComputeConsensusCached(s *Session, cache *ScoreCache) Consensus {
	var c Consensus
	for _, q := range ProfileQuestions {
		vals := make([]value, len(s.Participants))
		for i, p := range s.Participants {
			v := value{id: p.ID, absent: p.Absent, na: !p.Profile.Visible(q)}
			if a, ok := p.Profile[q.Key]; ok {
				v.set, v.text, v.answer = true, strings.Join(a, ", "), a
			}
			vals[i] = v
		}
		var agreed Answer
		if a, ok := s.Profile[q.Key]; ok {
			agreed = a
		}
		sp := spreadOf(vals)
		if q.Kind == Multi {
			sp.Tallies = tallies(q, sp.Groups)
		}
		if IsOwnFact(q.Key) {
			sp.Level = Profil
		}
		c.Keys = append(c.Keys, KeyConsensus{Question: GroupWording(q), Spread: sp, Agreed: agreed})
	}
	sort.SliceStable(c.Keys, func(i, j int) bool {
		return order(c.Keys[i].Level, c.Keys[i].Settled()) < order(c.Keys[j].Level, c.Keys[j].Settled())
	})

	for _, ph := range Phases {
		for _, it := range ph.QuickItems {
			vals := make([]value, len(s.Participants))
			for i, p := range s.Participants {
				st, ok := p.QuickCheck[it.ID]
				vals[i] = value{id: p.ID, absent: p.Absent, set: ok && st != "", text: string(st), status: st}
			}
			c.Quick = append(c.Quick, QuickConsensus{Item: it, Phase: ph.ID, Spread: spreadOf(vals), Agreed: s.QuickCheck[it.ID].Status})
		}
	}
	sort.SliceStable(c.Quick, func(i, j int) bool {
		return order(c.Quick[i].Level, c.Quick[i].Settled()) < order(c.Quick[j].Level, c.Quick[j].Settled())
	})

	for _, p := range s.Participants {
		if p.Absent {
			continue
		}
		c.Rankings = append(c.Rankings, RankingColumn{ParticipantID: p.ID, Name: p.Name, Result: cache.Score(p.Profile), Answered: len(p.Profile)})
	}
	c.Rankings = append(c.Rankings, RankingColumn{Name: JointName, Result: cache.Score(s.Profile), Answered: len(s.Profile)})
	return c
}

// ScoreCache remembers Score results by the profile's answers. Results are
// shared: callers must not change them. The zero value is ready; a nil
// cache scores every time.
type ScoreCache struct {
	byProfile map[string]Result
}

// scoreCacheMax bounds the cache (a workshop has at most a few dozen
// profiles alive; older entries are simply dropped).
const scoreCacheMax = 256

// Score returns Score(p), from the cache when p was scored before.
func (c *ScoreCache) Score(p Profile) Result {
	if c == nil {
		return Score(p)
	}
	var b strings.Builder
	for _, q := range ProfileQuestions {
		if a, ok := p[q.Key]; ok {
			b.WriteString(q.Key)
			b.WriteByte('=')
			b.WriteString(strings.Join(a, "\x1f"))
			b.WriteByte('\x1e')
		}
	}
	key := b.String()
	if r, ok := c.byProfile[key]; ok {
		return r
	}
	if c.byProfile == nil || len(c.byProfile) >= scoreCacheMax {
		c.byProfile = map[string]Result{}
	}
	r := Score(p)
	c.byProfile[key] = r
	return r
}

// order sorts levels for the facilitator: an unsettled item before a
// settled one of the same level.
func order(a Agreement, settled bool) int {
	n := 2 * int(a)
	if settled {
		n++
	}
	return n
}

// value is one participant's answer in comparable form.
type value struct {
	id     string
	absent bool // marked absent: left out
	na     bool // the question does not apply: left out
	set    bool
	text   string
	answer Answer
	status QuickStatus
}

// spreadOf groups the values and classifies the agreement.
func spreadOf(vals []value) Spread {
	var sp Spread
	index := map[string]int{}
	for _, v := range vals {
		switch {
		case v.absent:
			sp.Absent = append(sp.Absent, v.id)
			continue
		case v.na:
			sp.NotApplicable = append(sp.NotApplicable, v.id)
			continue
		}
		sp.Total++
		if !v.set {
			sp.Missing = append(sp.Missing, v.id)
			continue
		}
		sp.Answered++
		i, ok := index[v.text]
		if !ok {
			i = len(sp.Groups)
			index[v.text] = i
			sp.Groups = append(sp.Groups, Group{Value: v.text, Answer: v.answer, Status: v.status})
		}
		sp.Groups[i].Participants = append(sp.Groups[i].Participants, v.id)
	}
	sort.SliceStable(sp.Groups, func(i, j int) bool {
		return len(sp.Groups[i].Participants) > len(sp.Groups[j].Participants)
	})
	_, majority := sp.Majority()
	switch {
	case len(sp.Groups) == 0:
		sp.Among = Ausstehend
	case len(sp.Groups) == 1:
		sp.Among = Einigkeit
	case majority:
		sp.Among = Teilweise
	default:
		sp.Among = Dissens
	}
	sp.Level = sp.Among
	if sp.Pending() || sp.Total == 0 {
		sp.Level = Ausstehend
	}
	return sp
}

// tallies counts per option how many answers ticked it.
func tallies(q ProfileQuestion, groups []Group) []Tally {
	out := make([]Tally, len(q.Options))
	for i, o := range q.Options {
		out[i].Option = o
		for _, g := range groups {
			if slices.Contains(g.Answer, o.Value) {
				out[i].Count += len(g.Participants)
			}
		}
	}
	return out
}

// InCatalogueOrder returns c with keys and quick-check items in catalogue
// order instead of disputed first: the order for someone answering for a
// municipality, whose list must not jump while the others answer.
func (c Consensus) InCatalogueOrder() Consensus {
	keyAt := make(map[string]int, len(ProfileQuestions))
	for i, q := range ProfileQuestions {
		keyAt[q.Key] = i
	}
	itemAt := map[string]int{}
	for _, ph := range Phases {
		for _, it := range ph.QuickItems {
			itemAt[it.ID] = len(itemAt)
		}
	}
	out := c
	out.Keys = slices.Clone(c.Keys)
	out.Quick = slices.Clone(c.Quick)
	sort.SliceStable(out.Keys, func(i, j int) bool { return keyAt[out.Keys[i].Question.Key] < keyAt[out.Keys[j].Question.Key] })
	sort.SliceStable(out.Quick, func(i, j int) bool { return itemAt[out.Quick[i].Item.ID] < itemAt[out.Quick[j].Item.ID] })
	return out
}
