package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Participant returns the participant with the given ID, or nil.
func (s *Session) Participant(id string) *Participant {
	for i := range s.Participants {
		if s.Participants[i].ID == id {
			return &s.Participants[i]
		}
	}
	return nil
}

// AddParticipant adds a municipality to the workshop and returns its new
// ID ("p1", "p2", …: the first free number, so IDs stay stable and short).
// Names are trimmed and must be unique (case-insensitive).
func (s *Session) AddParticipant(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", &FieldError{Field: "Teilnehmer", Msg: "Name fehlt – bitte den Namen der Kommune eingeben"}
	}
	used := map[string]bool{}
	for _, p := range s.Participants {
		if strings.EqualFold(p.Name, name) {
			return "", &FieldError{Field: "Teilnehmer", Msg: fmt.Sprintf("%q ist schon dabei – bitte einen anderen Namen wählen", name)}
		}
		used[p.ID] = true
	}
	id := ""
	for n := 1; ; n++ {
		if id = "p" + strconv.Itoa(n); !used[id] {
			break
		}
	}
	s.Participants = append(s.Participants, Participant{ID: id, Name: name})
	return id, nil
}

// SetParticipantAnswer stores one profile answer of a participant in
// canonical form; a nil answer removes it.
func (s *Session) SetParticipantAnswer(pid, key string, a Answer) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	if a == nil {
		if _, ok := ProfileQuestionByKey(key); !ok {
			return &ProfileError{Key: key, Unknown: true}
		}
		delete(p.Profile, key)
		return nil
	}
	norm, err := Normalize(key, a)
	if err != nil {
		return err
	}
	if p.Profile == nil {
		p.Profile = Profile{}
	}
	p.Profile[key] = norm
	return nil
}

// SetParticipantQuick stores a participant's rating of a quick-check item;
// "" removes it.
func (s *Session) SetParticipantQuick(pid, itemID string, st QuickStatus) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	if _, _, ok := QuickItemByID(itemID); !ok {
		return &FieldError{Field: "Quick-Check", Msg: fmt.Sprintf("unbekannter Punkt %q", itemID)}
	}
	if st == "" {
		delete(p.QuickCheck, itemID)
		return nil
	}
	if p.QuickCheck == nil {
		p.QuickCheck = map[string]QuickStatus{}
	}
	p.QuickCheck[itemID] = st
	return nil
}

func unknownParticipant(id string) error {
	return &FieldError{Field: "Teilnehmer", Msg: fmt.Sprintf("unbekannte Kennung %q – die Liste der Teilnehmenden neu laden", id)}
}

// AdoptUnanimous makes every unanimous answer of the participants the
// agreed one where none is set yet: profile keys and quick-check items on
// which all participants gave the same answer. An agreed answer that is
// already set stays, even if it differs — the facilitator chose it. It
// returns how many answers were adopted.
func AdoptUnanimous(s *Session) int {
	c := ComputeConsensus(s)
	n := 0
	for _, k := range c.Keys {
		if k.Level != Einigkeit || k.Agreed != nil {
			continue
		}
		if s.Profile == nil {
			s.Profile = Profile{}
		}
		s.Profile[k.Question.Key] = append(Answer(nil), k.Groups[0].Answer...)
		n++
	}
	for _, q := range c.Quick {
		if q.Level != Einigkeit || q.Agreed != "" {
			continue
		}
		if s.QuickCheck == nil {
			s.QuickCheck = map[string]QuickEntry{}
		}
		e := s.QuickCheck[q.Item.ID]
		e.Status = q.Groups[0].Status
		s.QuickCheck[q.Item.ID] = e
		n++
	}
	return n
}
