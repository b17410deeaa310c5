package model

import (
	"errors"
	"fmt"
	"slices"
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
	name, err := s.checkName(name, "")
	if err != nil {
		return "", err
	}
	used := map[string]bool{}
	for _, p := range s.Participants {
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
// canonical form; a nil answer removes it. A locked question refuses.
func (s *Session) SetParticipantAnswer(pid, key string, a Answer) error {
	if s.Participant(pid) == nil {
		return unknownParticipant(pid)
	}
	if s.Locked(key) {
		return lockedError(key)
	}
	if _, ok := ProfileQuestionByKey(key); !ok && a == nil {
		return &ProfileError{Key: key, Unknown: true}
	}
	return s.setParticipantAnswer(pid, key, a) // change_room.go
}

// SetParticipantQuick stores a participant's rating of a quick-check item;
// "" removes it.
func (s *Session) SetParticipantQuick(pid, itemID string, st QuickStatus) error {
	if s.Participant(pid) == nil {
		return unknownParticipant(pid)
	}
	if _, _, ok := QuickItemByID(itemID); ok && s.Locked(itemID) {
		return lockedError(itemID)
	}
	return s.setParticipantQuick(pid, itemID, st) // change_room.go
}

func unknownParticipant(id string) error {
	return &FieldError{Field: "Teilnehmer", Msg: germanf("unbekannte Kennung %q – die Liste der Teilnehmenden neu laden", id)}
}

// AdoptUnanimous makes every unanimous answer of the participants the
// agreed one where none is set yet: profile keys and quick-check items on
// which all participants who count (present, question applies) gave the
// same answer. An agreed answer that is
// already set stays, even if it differs — the facilitator chose it. It
// returns how many answers were adopted.
func AdoptUnanimous(s *Session) int {
	c := ComputeConsensus(s)
	n := 0
	for _, k := range c.Keys {
		if !k.Unanimous() || k.Agreed != nil {
			continue
		}
		if s.Profile == nil {
			s.Profile = Profile{}
		}
		s.Profile[k.Question.Key] = append(Answer(nil), k.Groups[0].Answer...)
		n++
	}
	for _, q := range c.Quick {
		if !q.Unanimous() || q.Agreed != "" {
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

// ConflictError reports that an answer changed underneath: the editor
// started from Base, but the stored answer is now Current. Nothing was
// written.
type ConflictError struct {
	Key     string
	Current Answer // nil: no answer any more
	// IsQuick: a quick-check rating; Quick is the stored one ("" none).
	IsQuick bool
	Quick   QuickStatus
}

func (e *ConflictError) Error() string {
	label := e.Key
	now := "keine Antwort"
	if q, ok := ProfileQuestionByKey(e.Key); ok {
		label = q.Label
		if e.Current != nil {
			now = GroupWording(q).AnswerText(e.Current)
		}
	} else if it, _, ok := QuickItemByID(e.Key); ok {
		label = it.Text
	}
	if e.IsQuick && e.Quick != "" {
		now = QuickStatusLabel(e.Quick)
	}
	return fmt.Sprintf("„%s“ wurde inzwischen geändert (jetzt: %s) – nicht gespeichert, bitte prüfen und erneut wählen", label, now)
}

// ErrConflict matches every ConflictError with errors.Is.
var ErrConflict = errors.New("Antwort wurde inzwischen geändert")

func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// SetParticipantAnswerIf is SetParticipantAnswer with a version check: it
// writes only while the stored answer is one the editor knows — the one it
// started from or one it wrote itself (nil in known: no answer) — so two
// edits of the same answer are never lost silently. Otherwise nothing is
// written and a *ConflictError says what is stored now.
func (s *Session) SetParticipantAnswerIf(pid, key string, known []Answer, a Answer) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	cur, ok := p.Profile[key]
	if ok && cur == nil {
		cur = Answer{}
	}
	for _, k := range known {
		if (k == nil) == !ok && slices.Equal(k, cur) {
			return s.SetParticipantAnswer(pid, key, a)
		}
	}
	return &ConflictError{Key: key, Current: cur}
}

// SetParticipantQuickIf is SetParticipantQuick with the version check of
// SetParticipantAnswerIf: it writes only while the stored rating is one
// the screen knew ("" none).
func (s *Session) SetParticipantQuickIf(pid, itemID string, known []QuickStatus, st QuickStatus) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	cur := p.QuickCheck[itemID]
	if !slices.Contains(known, cur) {
		return &ConflictError{Key: itemID, Quick: cur, IsQuick: true}
	}
	return s.SetParticipantQuick(pid, itemID, st)
}

// checkName trims a municipality's name and checks that it is given and
// not used by another participant than except.
func (s *Session) checkName(name, except string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", &FieldError{Field: "Teilnehmer", Msg: "Name fehlt – bitte den Namen der Kommune eingeben"}
	}
	for _, p := range s.Participants {
		if p.ID != except && strings.EqualFold(p.Name, name) {
			return "", &FieldError{Field: "Teilnehmer", Msg: germanf("%q ist schon dabei – bitte einen anderen Namen wählen", name)}
		}
	}
	return name, nil
}

// RenameParticipant renames a municipality; its answers stay.
func (s *Session) RenameParticipant(pid, name string) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	name, err := s.checkName(name, pid)
	if err != nil {
		return err
	}
	p.Name = name
	return nil
}

// RemoveParticipant removes a municipality and its answers.
func (s *Session) RemoveParticipant(pid string) error {
	i := slices.IndexFunc(s.Participants, func(p Participant) bool { return p.ID == pid })
	if i < 0 {
		return unknownParticipant(pid)
	}
	s.Participants = slices.Delete(s.Participants, i, i+1)
	return nil
}

// MergeParticipant folds from into into (e.g. a typo added as a second
// municipality): into keeps its own answers and comments; from's fill the
// gaps; from is removed.
func (s *Session) MergeParticipant(from, into string) error {
	if from == into {
		return &FieldError{Field: "Teilnehmer", Msg: "eine Kommune lässt sich nicht mit sich selbst zusammenführen"}
	}
	src, dst := s.Participant(from), s.Participant(into)
	if src == nil {
		return unknownParticipant(from)
	}
	if dst == nil {
		return unknownParticipant(into)
	}
	for k, a := range src.Profile {
		if _, ok := dst.Profile[k]; !ok {
			if dst.Profile == nil {
				dst.Profile = Profile{}
			}
			dst.Profile[k] = a
		}
	}
	for k, st := range src.QuickCheck {
		if _, ok := dst.QuickCheck[k]; !ok {
			if dst.QuickCheck == nil {
				dst.QuickCheck = map[string]QuickStatus{}
			}
			dst.QuickCheck[k] = st
		}
	}
	for k, c := range src.Comments {
		if _, ok := dst.Comments[k]; !ok {
			if dst.Comments == nil {
				dst.Comments = map[string]string{}
			}
			dst.Comments[k] = c
		}
	}
	return s.RemoveParticipant(from)
}

// SetAbsent marks a municipality absent (it leaves the denominator of the
// consensus) or present again.
func (s *Session) SetAbsent(pid string, absent bool) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	p.Absent = absent
	return nil
}

// CommentLimit bounds a comment on an answer or a reason for a joint answer.
const CommentLimit = 280

// SetParticipantComment stores a participant's short comment on its
// answer to key (a profile key or quick item ID); "" removes it.
func (s *Session) SetParticipantComment(pid, key, text string) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	if err := checkItemKey(key); err != nil {
		return err
	}
	text, err := shortText(text)
	if err != nil {
		return err
	}
	putOrDelete(&p.Comments, key, text)
	return nil
}

// checkItemKey accepts a profile key or a quick-check item ID.
func checkItemKey(key string) error {
	if _, ok := ProfileQuestionByKey(key); ok {
		return nil
	}
	if _, _, ok := QuickItemByID(key); ok {
		return nil
	}
	return &FieldError{Field: "Workshop", Msg: germanf("unbekannte Frage %q", key)}
}

// shortText trims a comment and checks its length.
func shortText(text string) (string, error) {
	text = strings.TrimSpace(text)
	if n := len([]rune(text)); n > CommentLimit {
		return "", &FieldError{Field: "Kommentar", Msg: fmt.Sprintf("zu lang (%d Zeichen, höchstens %d) – bitte kürzen", n, CommentLimit)}
	}
	return text, nil
}
