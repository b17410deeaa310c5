package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Saved sessions survive catalogue changes (domain.md §7): an answer whose
// question was renamed moves to the new ID; an answer whose question was
// removed, or that no longer fits its question, moves into Session.Retired.
// Nothing is ever dropped.

// Kinds of RetiredAnswer.
const (
	RetiredProfile = "profile"
	RetiredNote    = "note"
	RetiredQuick   = "quick"
)

// DecodeSession reads a stored session without judging its answers: profile
// answers are taken as they are (any JSON value), so that a session saved
// under an older catalogue still loads. Call Upgrade afterwards. (The strict
// Profile.UnmarshalJSON would refuse such a session.)
func DecodeSession(data []byte) (*Session, error) {
	type plain Session // no methods, same fields
	var aux struct {
		*plain
		Profile      map[string]json.RawMessage `json:"profile"`
		Participants []struct {
			ID         string                     `json:"id"`
			Name       string                     `json:"name"`
			Profile    map[string]json.RawMessage `json:"profile"`
			QuickCheck map[string]QuickStatus     `json:"quick_check"`
			Absent     bool                       `json:"absent"`
			Comments   map[string]string          `json:"comments"`
		} `json:"participants"`
	}
	s := new(Session)
	aux.plain = (*plain)(s)
	if err := DecodeJSON(data, &aux); err != nil {
		return nil, err
	}
	s.Profile = RawProfile(aux.Profile)
	s.Participants = nil
	for _, p := range aux.Participants {
		s.Participants = append(s.Participants, Participant{
			ID: p.ID, Name: p.Name, QuickCheck: p.QuickCheck, Profile: RawProfile(p.Profile),
			Absent: p.Absent, Comments: p.Comments,
		})
	}
	return s, nil
}

// RawProfile turns JSON values into answers without validating them (see
// AnswerFromJSON); null values are left out.
func RawProfile(raw map[string]json.RawMessage) Profile {
	p := make(Profile, len(raw))
	for k, v := range raw {
		if a, ok := AnswerFromJSON(v); ok {
			p[k] = a
		}
	}
	return p
}

// AnswerFromJSON converts any JSON value into an Answer without validation:
// a string, number or boolean becomes one element, an array one element per
// entry, anything else its compact JSON text. It reports false for null.
func AnswerFromJSON(raw json.RawMessage) (Answer, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, false
	}
	if raw[0] == '[' {
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			out := Answer{}
			for _, e := range list {
				out = append(out, scalarText(e))
			}
			return out, true
		}
	}
	return Answer{scalarText(raw)}, true
}

func scalarText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) == nil {
		return b.String()
	}
	return string(raw)
}

// Upgrade brings s to the current catalogue and reports whether anything
// changed: renamed IDs (RetiredIDs) move to their new ID, answers to removed
// questions and answers that no longer fit their question move into
// s.Retired, and CatalogueVersion becomes the current one.
func Upgrade(s *Session) bool {
	return upgrade(s, currentCatalogue())
}

// catalogueView is what upgrade needs to know about a catalogue; tests pass
// their own to simulate later versions.
type catalogueView struct {
	version int
	renames map[string]string // old ID → new ID, "" = removed
	note    func(id string) bool
	quick   func(id string) bool
	eval    func(id string) bool
}

func currentCatalogue() catalogueView {
	return catalogueView{
		version: CatalogueVersion,
		renames: RetiredIDs,
		note:    func(id string) bool { _, _, ok := GuidingQuestionByID(id); return ok },
		quick:   func(id string) bool { _, _, ok := QuickItemByID(id); return ok },
		eval:    func(id string) bool { _, ok := EvaluationQuestionByID(id); return ok },
	}
}

// resolve follows the renames of id; it returns the current ID or "" when
// the question was removed or is unknown.
func (c catalogueView) resolve(id string, known func(string) bool) string {
	for range len(c.renames) + 1 { // bounded: a cycle must not hang
		next, ok := c.renames[id]
		if !ok || next == "" {
			return ""
		}
		if known(next) {
			return next
		}
		id = next
	}
	return ""
}

func knownProfileKey(k string) bool { _, ok := ProfileQuestionByKey(k); return ok }

// upgrader collects the retired answers of one session.
type upgrader struct {
	c       catalogueView
	s       *Session
	changed bool
}

func upgrade(s *Session, c catalogueView) bool {
	if s == nil {
		return false
	}
	u := &upgrader{c: c, s: s}
	s.Profile = u.profile(s.Profile, "")
	u.notes()
	u.quick()
	for i := range s.Participants {
		p := &s.Participants[i]
		owner := p.ID
		if owner == "" {
			owner = p.Name
		}
		p.Profile = u.profile(p.Profile, owner)
		p.QuickCheck = u.participantQuick(p.QuickCheck, owner)
	}
	u.reviews()
	if s.CatalogueVersion != c.version {
		s.CatalogueVersion = c.version
		u.changed = true
	}
	return u.changed
}

// profile returns p with every answer in canonical form under a current key.
func (u *upgrader) profile(p Profile, owner string) Profile {
	if len(p) == 0 {
		return p
	}
	out := make(Profile, len(p))
	var moved []string
	for _, k := range sortedKeys(p) {
		if !knownProfileKey(k) {
			moved = append(moved, k)
			continue
		}
		a, err := Normalize(k, p[k])
		if err != nil {
			u.retire(owner, k, RetiredAnswer{Kind: RetiredProfile, Value: answerText(p[k]),
				Reason: "Die Antwort passt nicht mehr zur Frage: " + err.Error()})
			continue
		}
		if !slices.Equal(a, p[k]) {
			u.changed = true
		}
		out[k] = a
	}
	// Renamed and removed keys after the current ones, so that an answer
	// already given under the new key is never overwritten.
	for _, k := range moved {
		r := RetiredAnswer{Kind: RetiredProfile, Value: answerText(p[k]), Reason: "Die Frage gibt es nicht mehr."}
		if nk := u.c.resolve(k, knownProfileKey); nk != "" {
			if _, taken := out[nk]; taken {
				r.Reason = germanf("Die Frage heißt jetzt %q und ist dort schon beantwortet.", nk)
			} else if a, err := Normalize(nk, p[k]); err != nil {
				r.Reason = germanf("Die Frage heißt jetzt %q; die Antwort passt dort nicht: %v", nk, err)
			} else {
				out[nk] = a
				u.changed = true
				continue
			}
		}
		u.retire(owner, k, r)
	}
	return out
}

func (u *upgrader) notes() {
	s := u.s
	for _, k := range sortedKeys(s.Notes) {
		if u.c.note(k) {
			continue
		}
		text := s.Notes[k]
		delete(s.Notes, k)
		u.changed = true
		if strings.TrimSpace(text) == "" {
			continue // an empty note holds no answer
		}
		r := RetiredAnswer{Kind: RetiredNote, Value: text, Reason: "Die Leitfrage gibt es nicht mehr."}
		if nk := u.c.resolve(k, u.c.note); nk != "" {
			if _, taken := s.Notes[nk]; !taken {
				s.Notes[nk] = text
				continue
			}
			r.Reason = germanf("Die Leitfrage heißt jetzt %q und hat dort schon eine Notiz.", nk)
		}
		u.retire("", k, r)
	}
}

func (u *upgrader) quick() {
	s := u.s
	for _, k := range sortedKeys(s.QuickCheck) {
		if u.c.quick(k) {
			continue
		}
		e := s.QuickCheck[k]
		delete(s.QuickCheck, k)
		u.changed = true
		if e == (QuickEntry{}) {
			continue
		}
		r := RetiredAnswer{Kind: RetiredQuick, Value: string(e.Status), Note: e.Note, Reason: "Den Quick-Check-Punkt gibt es nicht mehr."}
		if nk := u.c.resolve(k, u.c.quick); nk != "" {
			if _, taken := s.QuickCheck[nk]; !taken {
				s.QuickCheck[nk] = e
				continue
			}
			r.Reason = germanf("Der Quick-Check-Punkt heißt jetzt %q und ist dort schon bewertet.", nk)
		}
		u.retire("", k, r)
	}
}

func (u *upgrader) participantQuick(m map[string]QuickStatus, owner string) map[string]QuickStatus {
	for _, k := range sortedKeys(m) {
		if u.c.quick(k) {
			continue
		}
		st := m[k]
		delete(m, k)
		u.changed = true
		if st == "" {
			continue
		}
		r := RetiredAnswer{Kind: RetiredQuick, Value: string(st), Reason: "Den Quick-Check-Punkt gibt es nicht mehr."}
		if nk := u.c.resolve(k, u.c.quick); nk != "" {
			if _, taken := m[nk]; !taken {
				m[nk] = st
				continue
			}
			r.Reason = germanf("Der Quick-Check-Punkt heißt jetzt %q und ist dort schon bewertet.", nk)
		}
		u.retire(owner, k, r)
	}
	return m
}

// reviews moves review answers to renamed evaluation questions. Reviews are
// history: answers to removed questions stay where they are.
func (u *upgrader) reviews() {
	for i := range u.s.Reviews {
		ans := u.s.Reviews[i].Answers
		for _, k := range sortedKeys(ans) {
			if u.c.eval == nil || u.c.eval(k) {
				continue
			}
			if nk := u.c.resolve(k, u.c.eval); nk != "" {
				if _, taken := ans[nk]; !taken {
					ans[nk] = ans[k]
					delete(ans, k)
					u.changed = true
				}
			}
		}
	}
}

// retire stores r under the old ID (prefixed with the participant for
// participant answers), never overwriting an earlier retired answer.
func (u *upgrader) retire(owner, id string, r RetiredAnswer) {
	u.changed = true
	r.Since = u.c.version
	r.Participant = owner
	key := id
	if owner != "" {
		key = owner + "/" + id
	}
	if u.s.Retired == nil {
		u.s.Retired = map[string]RetiredAnswer{}
	}
	base := key
	for n := 2; ; n++ {
		if _, taken := u.s.Retired[key]; !taken {
			break
		}
		key = fmt.Sprintf("%s#%d", base, n)
	}
	u.s.Retired[key] = r
}

// answerText shows an answer as text: "NW", "a, b".
func answerText(a Answer) string { return strings.Join(a, ", ") }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
