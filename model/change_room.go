package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The workshop as changes: what the municipalities answer and what the
// facilitator does to the room (add, rename, merge, remove, absent; blind
// mode, reveal, lock; reasons) are slots like any other, so z takes them
// back and Z makes them again, and a strict undo is refused when someone
// else changed the slot meanwhile. Each answer of a municipality is its own
// slot (key "participantID/item"): undoing a merge takes back only the
// answers it filled in, and a municipality answering other questions
// meanwhile does not block it.
//
// Not a change: the room's current question (f, and every cursor step in
// lead mode). It points the room somewhere and changes no data; in the
// undo history it would bury the real steps under cursor moves.

// Fields of the room.
const (
	FieldParticipant        Field = "participant"         // Key: participant ID; Value.Participant, Value.At
	FieldParticipantName    Field = "participant-name"    // Key: participant ID; Value.Text
	FieldParticipantAbsent  Field = "participant-absent"  // Key: participant ID; Value.On
	FieldParticipantAnswer  Field = "participant-answer"  // Key: participant ID/profile key; Value.Answer
	FieldParticipantQuick   Field = "participant-quick"   // Key: participant ID/quick item ID; Value.Quick.Status
	FieldParticipantComment Field = "participant-comment" // Key: participant ID/item; Value.Text
	FieldBlind              Field = "blind"               // Value.On
	FieldRevealed           Field = "revealed"            // Key: item; Value.On
	FieldLocked             Field = "locked"              // Key: item; Value.On
	FieldReason             Field = "reason"              // Key: item; Value.Text
	// FieldQuickAgreed is the joint rating of a quick-check item in a
	// workshop: unlike FieldQuick an explicit "offen" is kept (the group
	// agreed it is open), and the item's note stays as it is.
	FieldQuickAgreed Field = "quick-agreed" // Key: quick item ID; Value.Quick.Status
)

// ItemSlotKey is the key of a municipality's answer (or comment) to item.
func ItemSlotKey(pid, item string) string { return pid + "/" + item }

// splitItemKey splits ItemSlotKey (items never contain a slash; imported
// participant IDs might).
func splitItemKey(key string) (pid, item string) {
	i := strings.LastIndex(key, "/")
	if i < 0 {
		return "", key
	}
	return key[:i], key[i+1:]
}

// normParticipant makes empty maps nil, for comparison.
func normParticipant(p Participant) Participant {
	if len(p.Profile) == 0 {
		p.Profile = nil
	}
	if len(p.QuickCheck) == 0 {
		p.QuickCheck = nil
	}
	if len(p.Comments) == 0 {
		p.Comments = nil
	}
	return p
}

// cloneParticipant is a deep copy.
func cloneParticipant(p Participant) Participant {
	p.Profile = p.Profile.Clone()
	p.QuickCheck = maps.Clone(p.QuickCheck)
	p.Comments = maps.Clone(p.Comments)
	return p
}

// roomSlot reads a slot of the room; ok is false for other fields.
func roomSlot(s *Session, f Field, key string) (v Value, ok bool, err error) {
	switch f {
	case FieldParticipant:
		i := slices.IndexFunc(s.Participants, func(p Participant) bool { return p.ID == key })
		if i < 0 {
			return Value{}, true, nil
		}
		return Value{Set: true, Participant: cloneParticipant(s.Participants[i]), At: i}, true, nil
	case FieldParticipantName:
		if p := s.Participant(key); p != nil {
			return Value{Set: true, Text: p.Name}, true, nil
		}
		return Value{}, true, nil
	case FieldParticipantAbsent:
		if p := s.Participant(key); p != nil {
			return Value{Set: true, On: p.Absent}, true, nil
		}
		return Value{}, true, nil
	case FieldParticipantAnswer, FieldParticipantQuick, FieldParticipantComment:
		pid, item := splitItemKey(key)
		p := s.Participant(pid)
		if p == nil {
			return Value{}, true, nil
		}
		switch f {
		case FieldParticipantAnswer:
			a, set := p.Profile[item]
			return Value{Set: set, Answer: a}, true, nil
		case FieldParticipantQuick:
			st, set := p.QuickCheck[item]
			return Value{Set: set, Quick: QuickEntry{Status: st}}, true, nil
		default:
			c := p.Comments[item]
			return Value{Set: c != "", Text: c}, true, nil
		}
	case FieldBlind:
		return Value{Set: true, On: s.Workshop != nil && s.Workshop.Blind}, true, nil
	case FieldRevealed, FieldLocked:
		on := false
		if s.Workshop != nil {
			m := s.Workshop.Revealed
			if f == FieldLocked {
				m = s.Workshop.Locked
			}
			on = m[key]
		}
		return Value{Set: true, On: on}, true, nil
	case FieldReason:
		r := s.Reason(key)
		return Value{Set: r != "", Text: r}, true, nil
	case FieldQuickAgreed:
		e := s.QuickCheck[key]
		return Value{Set: e.Status != "", Quick: QuickEntry{Status: e.Status}}, true, nil
	}
	return Value{}, false, nil
}

// setRoomSlot sets a slot of the room; ok is false for other fields.
func setRoomSlot(s *Session, f Field, key string, v Value) (ok bool, err error) {
	defer s.tidyWorkshop()
	switch f {
	case FieldParticipant:
		return true, setParticipantSlot(s, key, v)
	case FieldParticipantName:
		if !v.Set {
			return true, fmt.Errorf("eine Kommune braucht einen Namen")
		}
		return true, s.RenameParticipant(key, v.Text)
	case FieldParticipantAbsent:
		if s.Participant(key) == nil && !v.Set {
			return true, nil
		}
		return true, s.SetAbsent(key, v.Set && v.On)
	case FieldParticipantAnswer:
		pid, item := splitItemKey(key)
		if s.Participant(pid) == nil && !v.Set {
			return true, nil
		}
		if !v.Set {
			return true, s.setParticipantAnswer(pid, item, nil)
		}
		a := v.Answer
		if a == nil {
			a = Answer{}
		}
		return true, s.setParticipantAnswer(pid, item, a)
	case FieldParticipantQuick:
		pid, item := splitItemKey(key)
		if s.Participant(pid) == nil && !v.Set {
			return true, nil
		}
		st := v.Quick.Status
		if !v.Set {
			st = ""
		}
		return true, s.setParticipantQuick(pid, item, st)
	case FieldParticipantComment:
		pid, item := splitItemKey(key)
		if s.Participant(pid) == nil && !v.Set {
			return true, nil
		}
		text := v.Text
		if !v.Set {
			text = ""
		}
		return true, s.SetParticipantComment(pid, item, text)
	case FieldBlind:
		s.state().Blind = v.Set && v.On // the revealed questions are slots of their own
		return true, nil
	case FieldRevealed:
		return true, s.Reveal(key, v.Set && v.On)
	case FieldLocked:
		return true, s.Lock(key, v.Set && v.On)
	case FieldReason:
		text := v.Text
		if !v.Set {
			text = ""
		}
		return true, s.SetReason(key, text)
	case FieldQuickAgreed:
		if _, _, ok := QuickItemByID(key); !ok {
			return true, &FieldError{Field: "Quick-Check", Msg: fmt.Sprintf("unbekannter Punkt %q", key)}
		}
		e := s.QuickCheck[key]
		switch {
		case v.Set && v.Quick.Status != "":
			e.Status = v.Quick.Status
		case e.Note == "":
			delete(s.QuickCheck, key)
			return true, nil
		default:
			e.Status = StatusOffen // a note keeps the item
		}
		if s.QuickCheck == nil {
			s.QuickCheck = map[string]QuickEntry{}
		}
		s.QuickCheck[key] = e
		return true, nil
	}
	return false, nil
}

// tidyWorkshop drops a facilitation state that holds nothing any more, so
// that undoing the first switch leaves the session as it was.
func (s *Session) tidyWorkshop() {
	w := s.Workshop
	if w == nil {
		return
	}
	if !w.Blind && w.Current == "" && len(w.Revealed) == 0 && len(w.Locked) == 0 && len(w.Reasons) == 0 {
		s.Workshop = nil
	}
}

// setParticipantSlot adds, replaces or removes a whole municipality; an
// added one goes back to where it stood (v.At).
func setParticipantSlot(s *Session, id string, v Value) error {
	i := slices.IndexFunc(s.Participants, func(p Participant) bool { return p.ID == id })
	switch {
	case !v.Set && i >= 0:
		s.Participants = slices.Delete(s.Participants, i, i+1)
	case !v.Set:
	case v.Participant.ID != id:
		return fmt.Errorf("Teilnehmer %q trägt die Kennung %q", id, v.Participant.ID)
	default:
		name, err := s.checkName(v.Participant.Name, id)
		if err != nil {
			return err
		}
		p := cloneParticipant(v.Participant)
		p.Name = name
		if i >= 0 {
			s.Participants[i] = p
			return nil
		}
		at := min(max(v.At, 0), len(s.Participants))
		s.Participants = slices.Insert(s.Participants, at, p)
	}
	return nil
}

// setParticipantAnswer is SetParticipantAnswer without the lock: the
// facilitator's room changes (a merge and its undo) may touch a locked
// question; a municipality's own changes are checked by checkLocks.
func (s *Session) setParticipantAnswer(pid, key string, a Answer) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	if a == nil {
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

// setParticipantQuick is SetParticipantQuick without the lock.
func (s *Session) setParticipantQuick(pid, item string, st QuickStatus) error {
	p := s.Participant(pid)
	if p == nil {
		return unknownParticipant(pid)
	}
	if _, _, ok := QuickItemByID(item); !ok {
		return &FieldError{Field: "Quick-Check", Msg: fmt.Sprintf("unbekannter Punkt %q", item)}
	}
	putOrDelete(&p.QuickCheck, item, st)
	return nil
}

// putOrDelete stores v under key in *m, making the map if needed, or
// removes key when v is the zero value ("" for a status or a text).
func putOrDelete[V comparable](m *map[string]V, key string, v V) {
	var zero V
	if v == zero {
		delete(*m, key)
		return
	}
	if *m == nil {
		*m = map[string]V{}
	}
	(*m)[key] = v
}

// checkLocks refuses a municipality's own answer to a locked question.
func (c Change) checkLocks(s *Session) error {
	if c.As == "" {
		return nil
	}
	for _, e := range c.Edits {
		if e.Field != FieldParticipantAnswer && e.Field != FieldParticipantQuick {
			continue
		}
		if _, item := splitItemKey(e.Key); s.Locked(item) {
			return &LockedError{Item: item, err: lockedError(item)}
		}
	}
	return nil
}

// LockedError refuses a municipality's change to a question the
// facilitator has locked; the screens word it like every other refusal.
type LockedError struct {
	Item string
	err  error
}

func (e *LockedError) Error() string { return e.err.Error() }
func (e *LockedError) Unwrap() error { return e.err }

// Constructors. Each reads the current value from s.

// participantLabel is a municipality's name for the status line.
func participantLabel(s *Session, pid string) string {
	if p := s.Participant(pid); p != nil {
		return "„" + SafeLine(p.Name) + "“"
	}
	return pid
}

// itemLabel names a profile key or quick item for the status line.
func itemLabel(item string) string {
	if q, ok := ProfileQuestionByKey(item); ok {
		return "„" + q.Label + "“"
	}
	if it, _, ok := QuickItemByID(item); ok {
		return "„" + shortName(it.Text) + "“"
	}
	return item
}

// SetParticipantAnswerChange is the answer of municipality pid to profile
// key (nil: none), made by whoever answers for it.
func SetParticipantAnswerChange(s *Session, pid, key string, a Answer) Change {
	k := ItemSlotKey(pid, key)
	before, _ := Slot(s, FieldParticipantAnswer, k)
	after := Value{Set: a != nil, Answer: a}
	if a != nil {
		if n, err := Normalize(key, a); err == nil {
			after.Answer = n
		}
	}
	verb := "Antwort "
	if a == nil {
		verb = "Antwort gelöscht "
	}
	return Change{Name: verb + itemLabel(key) + " für " + participantLabel(s, pid), As: pid,
		Edits: []Edit{{Field: FieldParticipantAnswer, Key: k, Before: before, After: after}}}
}

// SetParticipantQuickChange is the rating of municipality pid of a quick
// item ("" none).
func SetParticipantQuickChange(s *Session, pid, item string, st QuickStatus) Change {
	k := ItemSlotKey(pid, item)
	before, _ := Slot(s, FieldParticipantQuick, k)
	return Change{Name: "Quick-Check " + itemLabel(item) + " für " + participantLabel(s, pid), As: pid,
		Edits: []Edit{{Field: FieldParticipantQuick, Key: k, Before: before, After: Value{Set: st != "", Quick: QuickEntry{Status: st}}}}}
}

// SetParticipantCommentChange is the comment of municipality pid on its
// answer to item ("" none).
func SetParticipantCommentChange(s *Session, pid, item, text string) Change {
	k := ItemSlotKey(pid, item)
	before, _ := Slot(s, FieldParticipantComment, k)
	text = strings.TrimSpace(text)
	return Change{Name: "Kommentar zu " + itemLabel(item) + " für " + participantLabel(s, pid), As: pid,
		Edits: []Edit{{Field: FieldParticipantComment, Key: k, Before: before, After: Value{Set: text != "", Text: text}}}}
}

// AddParticipantChange adds a municipality under the first free ID.
func AddParticipantChange(s *Session, name string) (Change, error) {
	probe := &Session{Participants: slices.Clone(s.Participants)}
	id, err := probe.AddParticipant(name)
	if err != nil {
		return Change{}, err
	}
	p := *probe.Participant(id)
	return Change{Name: "Kommune „" + SafeLine(p.Name) + "“ hinzugefügt",
		Edits: []Edit{{Field: FieldParticipant, Key: id, After: Value{Set: true, Participant: p, At: len(s.Participants)}}}}, nil
}

// RenameParticipantChange renames a municipality; its answers stay.
func RenameParticipantChange(s *Session, pid, name string) (Change, error) {
	if s.Participant(pid) == nil {
		return Change{}, unknownParticipant(pid)
	}
	name, err := s.checkName(name, pid)
	if err != nil {
		return Change{}, err
	}
	before, _ := Slot(s, FieldParticipantName, pid)
	return Change{Name: participantLabel(s, pid) + " umbenannt in „" + SafeLine(name) + "“",
		Edits: append([]Edit{{Field: FieldParticipantName, Key: pid, Before: before, After: Value{Set: true, Text: name}}},
			CostRowRenameEdits(s, before.Text, name)...)}, nil // its own cost row follows, cost_rename.go
}

// SetAbsentChange marks a municipality absent or present again.
func SetAbsentChange(s *Session, pid string, absent bool) Change {
	before, _ := Slot(s, FieldParticipantAbsent, pid)
	name := participantLabel(s, pid) + " als abwesend markiert"
	if !absent {
		name = participantLabel(s, pid) + " wieder dabei"
	}
	return Change{Name: name, Edits: []Edit{{Field: FieldParticipantAbsent, Key: pid, Before: before, After: Value{Set: true, On: absent}}}}
}

// RemoveParticipantChange removes a municipality with all its answers;
// its undo puts it back where it stood.
func RemoveParticipantChange(s *Session, pid string) (Change, error) {
	before, _ := Slot(s, FieldParticipant, pid)
	if !before.Set {
		return Change{}, unknownParticipant(pid)
	}
	return Change{Name: participantLabel(s, pid) + " entfernt",
		Edits: []Edit{{Field: FieldParticipant, Key: pid, Before: before}}}, nil
}

// MergeParticipantChange folds from into into, as MergeParticipant does:
// into keeps its answers and comments, from's fill the gaps, from goes.
// Each filled gap is an edit of its own, so the undo takes back exactly
// those.
func MergeParticipantChange(s *Session, from, into string) (Change, error) {
	if from == into {
		return Change{}, &FieldError{Field: "Teilnehmer", Msg: "eine Kommune lässt sich nicht mit sich selbst zusammenführen"}
	}
	src, dst := s.Participant(from), s.Participant(into)
	if src == nil {
		return Change{}, unknownParticipant(from)
	}
	if dst == nil {
		return Change{}, unknownParticipant(into)
	}
	c := Change{Name: participantLabel(s, from) + " mit " + participantLabel(s, into) + " zusammengeführt"}
	for _, k := range slices.Sorted(maps.Keys(src.Profile)) {
		if _, ok := dst.Profile[k]; !ok {
			c.Edits = append(c.Edits, Edit{Field: FieldParticipantAnswer, Key: ItemSlotKey(into, k), After: Value{Set: true, Answer: src.Profile[k]}})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(src.QuickCheck)) {
		if _, ok := dst.QuickCheck[k]; !ok {
			c.Edits = append(c.Edits, Edit{Field: FieldParticipantQuick, Key: ItemSlotKey(into, k), After: Value{Set: true, Quick: QuickEntry{Status: src.QuickCheck[k]}}})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(src.Comments)) {
		if _, ok := dst.Comments[k]; !ok && src.Comments[k] != "" {
			c.Edits = append(c.Edits, Edit{Field: FieldParticipantComment, Key: ItemSlotKey(into, k), After: Value{Set: true, Text: src.Comments[k]}})
		}
	}
	rm, err := RemoveParticipantChange(s, from)
	if err != nil {
		return Change{}, err
	}
	c.Edits = append(c.Edits, rm.Edits...)
	return c, nil
}

// SetBlindChange switches blind mode. Switching it on hides every question
// that was revealed before (each its own edit, so the undo reveals them
// again).
func SetBlindChange(s *Session, on bool) Change {
	before, _ := Slot(s, FieldBlind, "")
	name := "Verdeckt antworten eingeschaltet"
	if !on {
		name = "Verdeckt antworten ausgeschaltet"
	}
	c := Change{Name: name, Edits: []Edit{{Field: FieldBlind, Before: before, After: Value{Set: true, On: on}}}}
	if on && s.Workshop != nil {
		for _, k := range slices.Sorted(maps.Keys(s.Workshop.Revealed)) {
			c.Edits = append(c.Edits, Edit{Field: FieldRevealed, Key: k, Before: Value{Set: true, On: true}, After: Value{Set: true}})
		}
	}
	return c
}

// RevealChange reveals item in blind mode (on) or hides it again. A
// reveal cannot be unseen: its undo hides the answers again for those who
// have not looked, nothing more (the status line says so).
func RevealChange(s *Session, item string, on bool) Change {
	return flagChange(s, FieldRevealed, item, on, "Aufgedeckt ", "Wieder verdeckt ")
}

// LockChange closes item for the municipalities' answers (on) or opens it.
func LockChange(s *Session, item string, on bool) Change {
	return flagChange(s, FieldLocked, item, on, "Gesperrt ", "Entsperrt ")
}

// flagChange sets the on/off slot field of item; the change is named
// onName or offName followed by the item's label.
func flagChange(s *Session, field Field, item string, on bool, onName, offName string) Change {
	before, _ := Slot(s, field, item)
	name := onName + itemLabel(item)
	if !on {
		name = offName + itemLabel(item)
	}
	return Change{Name: name, Edits: []Edit{{Field: field, Key: item, Before: before, After: Value{Set: true, On: on}}}}
}

// SetReasonChange is the reason for the joint answer to item ("" none).
func SetReasonChange(s *Session, item, text string) (Change, error) {
	text, err := shortText(text)
	if err != nil {
		return Change{}, err
	}
	if err := checkItemKey(item); err != nil {
		return Change{}, err
	}
	before, _ := Slot(s, FieldReason, item)
	name := "Begründung zu " + itemLabel(item)
	if text == "" {
		name = "Begründung gelöscht zu " + itemLabel(item)
	}
	return Change{Name: name, Edits: []Edit{{Field: FieldReason, Key: item, Before: before, After: Value{Set: text != "", Text: text}}}}, nil
}

// AdoptUnanimousChange takes every unanimous answer of the municipalities
// as the joint one where none is set yet (AdoptUnanimous), as one change.
func AdoptUnanimousChange(s *Session) (Change, int) {
	cp := *s
	probe := &cp
	probe.Profile, probe.QuickCheck = s.Profile.Clone(), maps.Clone(s.QuickCheck)
	n := AdoptUnanimous(probe)
	c := Change{Name: fmt.Sprintf("%d einstimmige Antworten übernommen", n)}
	if n == 1 {
		c.Name = "1 einstimmige Antwort übernommen"
	}
	for _, k := range slices.Sorted(maps.Keys(probe.Profile)) {
		if _, ok := s.Profile[k]; !ok {
			c.Edits = append(c.Edits, Edit{Field: FieldAnswer, Key: k, After: Value{Set: true, Answer: probe.Profile[k]}})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(probe.QuickCheck)) {
		before, _ := Slot(s, FieldQuickAgreed, k)
		after, _ := Slot(probe, FieldQuickAgreed, k)
		if !sameValue(before, after) {
			c.Edits = append(c.Edits, Edit{Field: FieldQuickAgreed, Key: k, Before: before, After: after})
		}
	}
	return c, n
}

// SetQuickAgreedChange is the joint rating of quick item id in a workshop
// ("" none; an explicit offen is kept).
func SetQuickAgreedChange(s *Session, id string, st QuickStatus) Change {
	before, _ := Slot(s, FieldQuickAgreed, id)
	return Change{Name: "Gemeinsamer Stand " + itemLabel(id),
		Edits: []Edit{{Field: FieldQuickAgreed, Key: id, Before: before, After: Value{Set: st != "", Quick: QuickEntry{Status: st}}}}}
}
