package model

import (
	"slices"
	"sort"
	"strings"
)

// Agreement says how far the participants of a workshop agree on one
// profile key or quick-check item. With n participants and the answers
// grouped by equal value (a missing answer never belongs to a group):
//
//   - Einigkeit: every participant answered, and all alike;
//   - Teilweise: one group holds a strict majority of all n participants
//     (more than n/2), but not everyone — missing answers count against it;
//   - Dissens: some answered, but no answer reaches a strict majority;
//   - Offen: nobody answered yet.
type Agreement int

const (
	Dissens Agreement = iota
	Teilweise
	Einigkeit
	Offen
)

// Label is the German marker shown in the facilitator view.
func (a Agreement) Label() string {
	switch a {
	case Einigkeit:
		return "Einigkeit"
	case Teilweise:
		return "teilweise"
	case Dissens:
		return "Dissens"
	}
	return "offen"
}

// Disputed reports whether the facilitator has to talk about it.
func (a Agreement) Disputed() bool { return a == Dissens || a == Teilweise }

// Group is one distinct answer with the participants (IDs) who gave it.
type Group struct {
	Value        string      // the answer as one string (Answer values joined by ", ")
	Answer       Answer      // profile keys only
	Status       QuickStatus // quick-check items only
	Participants []string    // participant IDs, in session order
}

// Spread is the distribution of answers to one key or item.
type Spread struct {
	Level   Agreement
	Groups  []Group  // largest first; ties in order of first appearance
	Missing []string // participant IDs without an answer, in session order
	Total   int      // number of participants
}

// Majority returns the group holding a strict majority, if any.
func (s Spread) Majority() (Group, bool) {
	if len(s.Groups) > 0 && 2*len(s.Groups[0].Participants) > s.Total {
		return s.Groups[0], true
	}
	return Group{}, false
}

// KeyConsensus is the spread of one profile key and the agreed answer
// (the session's own profile; nil while none is set).
type KeyConsensus struct {
	Question ProfileQuestion
	Spread
	Agreed Answer
}

// QuickConsensus is the spread of one quick-check item over the
// participants' ratings, with the session's own status as the agreed one.
type QuickConsensus struct {
	Item  QuickItem
	Phase PhaseID
	Spread
	Agreed QuickStatus // "" while none is set
}

// RankingColumn is one ranking of the side-by-side view: a participant's
// (Score on their own profile) or the joint one (ParticipantID "",
// Score on the session's agreed profile).
type RankingColumn struct {
	ParticipantID string
	Name          string
	Result        Result
}

// JointName labels the joint ranking.
const JointName = "Gemeinsam"

// Consensus is the facilitator's view of a workshop session.
type Consensus struct {
	Keys     []KeyConsensus   // disputed first (Dissens, teilweise), then Einigkeit, then offen; catalogue order within
	Quick    []QuickConsensus // same order
	Rankings []RankingColumn  // one per participant in session order, then the joint ranking
}

// Disputed counts the disputed profile keys.
func (c Consensus) Disputed() int {
	n := 0
	for _, k := range c.Keys {
		if k.Level.Disputed() {
			n++
		}
	}
	return n
}

// ComputeConsensus compares the participants' answers of s. Every profile
// question and every quick-check item is listed, whether it is visible to a
// participant or not: a participant whose form hides a question simply
// counts as missing there.
func ComputeConsensus(s *Session) Consensus {
	var c Consensus
	for _, q := range ProfileQuestions {
		vals := make([]value, len(s.Participants))
		for i, p := range s.Participants {
			if a, ok := p.Profile[q.Key]; ok {
				vals[i] = value{id: p.ID, set: true, text: strings.Join(a, ", "), answer: a}
			} else {
				vals[i] = value{id: p.ID}
			}
		}
		var agreed Answer
		if a, ok := s.Profile[q.Key]; ok {
			agreed = a
		}
		c.Keys = append(c.Keys, KeyConsensus{Question: q, Spread: spreadOf(vals), Agreed: agreed})
	}
	sort.SliceStable(c.Keys, func(i, j int) bool { return c.Keys[i].Level < c.Keys[j].Level })

	for _, ph := range Phases {
		for _, it := range ph.QuickItems {
			vals := make([]value, len(s.Participants))
			for i, p := range s.Participants {
				st, ok := p.QuickCheck[it.ID]
				vals[i] = value{id: p.ID, set: ok && st != "", text: string(st), status: st}
			}
			c.Quick = append(c.Quick, QuickConsensus{Item: it, Phase: ph.ID, Spread: spreadOf(vals), Agreed: s.QuickCheck[it.ID].Status})
		}
	}
	sort.SliceStable(c.Quick, func(i, j int) bool { return c.Quick[i].Level < c.Quick[j].Level })

	for _, p := range s.Participants {
		c.Rankings = append(c.Rankings, RankingColumn{ParticipantID: p.ID, Name: p.Name, Result: Score(p.Profile)})
	}
	c.Rankings = append(c.Rankings, RankingColumn{Name: JointName, Result: Score(s.Profile)})
	return c
}

// value is one participant's answer in comparable form.
type value struct {
	id     string
	set    bool
	text   string
	answer Answer
	status QuickStatus
}

// spreadOf groups the values and classifies the agreement.
func spreadOf(vals []value) Spread {
	sp := Spread{Total: len(vals)}
	index := map[string]int{}
	for _, v := range vals {
		if !v.set {
			sp.Missing = append(sp.Missing, v.id)
			continue
		}
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
		sp.Level = Offen
	case len(sp.Groups) == 1 && len(sp.Missing) == 0:
		sp.Level = Einigkeit
	case majority:
		sp.Level = Teilweise
	default:
		sp.Level = Dissens
	}
	return sp
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
