package model

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// A Change is one edit of a session that the user meant: an answer given,
// a note written, a measure deleted, a review recorded. It names itself for
// the status line ("Antwort „Bundesland“") and carries, per slot it touches,
// the value before and after, so its inverse is the same change read
// backwards: undo and redo need nothing else. The store applies a change in
// one transaction (store.Apply); the tabs, accessible mode and the CLI
// build the same changes.
type Change struct {
	Name  string // German, for the status line
	Edits []Edit
	// Strict refuses the change when a slot no longer holds Before (someone
	// else changed it meanwhile): undo and redo must not overwrite a newer
	// answer of another workshop connection.
	Strict bool
	// As is the municipality (participant ID) whose answers the change
	// gives: it is applied only while the connection that made it still
	// answers for it (its claim under ikz serve, checked by the caller in
	// the same transaction, see store.ApplyChecked) and never to a
	// question the facilitator has locked. "" for the session's own data.
	As string
	// Final changes cannot be undone: a recorded decision or review is a
	// record (a wrong decision is marked "irrtümlich erfasst" instead).
	Final bool
}

// Field is the kind of slot an edit touches.
type Field string

const (
	FieldAnswer         Field = "answer"         // Key: profile question; Value.Answer
	FieldNote           Field = "note"           // Key: guiding question ID; Value.Text
	FieldQuick          Field = "quick"          // Key: quick-check item ID; Value.Quick
	FieldMeasure        Field = "measure"        // Key: measure ID; Value.Measure
	FieldEfficiency     Field = "efficiency"     // Value.Efficiency (unset: no sheet)
	FieldCosts          Field = "costs"          // Value.Costs (unset: no cost-sharing sheet), see cost_change.go
	FieldCostPartner    Field = "cost-partner"   // Key: partner name; Value.CostPartner, see cost_partner_change.go
	FieldCostHead       Field = "cost-head"      // Value.Costs without partners, see cost_partner_change.go
	FieldTitle          Field = "title"          // Value.Text
	FieldTraeger        Field = "traeger"        // Value.Text
	FieldMunicipalities Field = "municipalities" // Value.Texts
	FieldReview         Field = "review"         // Key: review ID; Value.Review (appended)
	FieldDecision       Field = "decision"       // Key: index in Decisions; Value.Decision (appended)
	FieldDecisionVoid   Field = "decision-void"  // Key: index in Decisions; Value.Void
)

// Edit sets one slot from Before to After.
type Edit struct {
	Field  Field
	Key    string
	Before Value
	After  Value
}

// Value is the content of a slot. Set is false for an absent value: an
// unanswered question, a deleted measure, no efficiency sheet.
type Value struct {
	Set         bool
	Answer      Answer
	Text        string
	Texts       []string
	Quick       QuickEntry
	Measure     Measure
	Efficiency  Efficiency
	Costs       CostSharing
	CostPartner CostPartner
	Review      Review
	Decision    Decision
	Void        bool
	Participant Participant // a whole municipality, see change_room.go
	// At is where a municipality stood in the list (FieldParticipant), so
	// that undoing its removal puts it back there; not compared.
	At int
	On bool // a switch of the room: absent, blind, revealed, locked
}

// StaleChangeError reports a strict change whose slot was changed by someone
// else in the meantime.
type StaleChangeError struct{ Name string }

func (e *StaleChangeError) Error() string {
	return quoteName(e.Name) + " wurde inzwischen anders geändert – nicht überschrieben"
}

// quoteName is a change's name for the inside of a sentence: a name that
// already quotes what it names (Notiz „Welche Ziele…“) stays as it is, a
// plain one is quoted, so that a quote never stands inside a quote.
func quoteName(name string) string {
	if strings.ContainsAny(name, "„“") {
		return name
	}
	return "„" + name + "“"
}

// Inverse is the change that undoes c. It is strict: it applies only while
// every slot still holds what c left there.
func (c Change) Inverse() Change {
	inv := Change{Name: c.Name, Strict: true, Final: c.Final, As: c.As}
	for i := len(c.Edits) - 1; i >= 0; i-- {
		e := c.Edits[i]
		inv.Edits = append(inv.Edits, Edit{Field: e.Field, Key: e.Key, Before: e.After, After: e.Before})
	}
	return inv
}

// Redo is c again, strict like an undo.
func (c Change) Redo() Change {
	c.Strict = true
	return c
}

// Empty reports whether c changes nothing (every edit leaves its slot as it was).
func (c Change) Empty() bool {
	for _, e := range c.Edits {
		if !sameValue(e.Before, e.After) {
			return false
		}
	}
	return true
}

// Apply makes the change on s. A strict change first checks that every
// slot still holds its Before value; then nothing is changed on conflict.
func (c Change) Apply(s *Session) error {
	if err := c.checkLocks(s); err != nil {
		return err
	}
	if c.Strict {
		for _, e := range c.Edits {
			cur, err := Slot(s, e.Field, e.Key)
			if err != nil {
				return err
			}
			if !sameValue(cur, e.Before) {
				return &StaleChangeError{Name: c.Name}
			}
		}
	}
	for _, e := range c.Edits {
		if err := setSlot(s, e.Field, e.Key, e.After); err != nil {
			return err
		}
	}
	return nil
}

// Slot reads the current value of a slot.
func Slot(s *Session, f Field, key string) (Value, error) {
	switch f {
	case FieldAnswer:
		a, ok := s.Profile[key]
		return Value{Set: ok, Answer: a}, nil
	case FieldNote:
		n, ok := s.Notes[key]
		return Value{Set: ok && n != "", Text: n}, nil
	case FieldQuick:
		q, ok := s.QuickCheck[key]
		return Value{Set: ok, Quick: q}, nil
	case FieldMeasure:
		for _, m := range s.Measures {
			if m.ID == key {
				return Value{Set: true, Measure: m}, nil
			}
		}
		return Value{}, nil
	case FieldEfficiency:
		if s.Efficiency == nil {
			return Value{}, nil
		}
		return Value{Set: true, Efficiency: *s.Efficiency}, nil
	case FieldCosts:
		return costsSlot(s), nil
	case FieldCostPartner:
		return costPartnerSlot(s, key), nil
	case FieldCostHead:
		return costHeadSlot(s), nil
	case FieldCostRename:
		return costRenameSlot(s, key), nil
	case FieldTitle:
		return Value{Set: true, Text: s.Title}, nil
	case FieldTraeger:
		return Value{Set: true, Text: s.Traeger}, nil
	case FieldMunicipalities:
		return Value{Set: true, Texts: s.Municipalities}, nil
	case FieldReview:
		for _, r := range s.Reviews {
			if r.ID == key {
				return Value{Set: true, Review: r}, nil
			}
		}
		return Value{}, nil
	case FieldDecision, FieldDecisionVoid:
		i, err := strconv.Atoi(key)
		if err != nil || i < 0 {
			return Value{}, fmt.Errorf("Entscheidung %q gibt es nicht", key)
		}
		if i >= len(s.Decisions) {
			return Value{}, nil
		}
		d := s.Decisions[i]
		if f == FieldDecisionVoid {
			return Value{Set: true, Void: d.Void}, nil
		}
		return Value{Set: true, Decision: d}, nil
	}
	if v, ok, err := roomSlot(s, f, key); ok {
		return v, err
	}
	return Value{}, fmt.Errorf("unbekanntes Feld %q", f)
}

func setSlot(s *Session, f Field, key string, v Value) error {
	switch f {
	case FieldAnswer:
		if !v.Set || len(v.Answer) == 0 {
			delete(s.Profile, key)
			return nil
		}
		a, err := Normalize(key, v.Answer)
		if err != nil {
			return err
		}
		if s.Profile == nil {
			s.Profile = Profile{}
		}
		s.Profile[key] = a
	case FieldNote:
		if !v.Set || v.Text == "" {
			delete(s.Notes, key)
			return nil
		}
		if s.Notes == nil {
			s.Notes = map[string]string{}
		}
		s.Notes[key] = v.Text
	case FieldQuick:
		if !v.Set || (v.Quick.Note == "" && (v.Quick.Status == "" || v.Quick.Status == StatusOffen)) {
			delete(s.QuickCheck, key)
			return nil
		}
		if s.QuickCheck == nil {
			s.QuickCheck = map[string]QuickEntry{}
		}
		s.QuickCheck[key] = v.Quick
	case FieldMeasure:
		i := slices.IndexFunc(s.Measures, func(m Measure) bool { return m.ID == key })
		switch {
		case !v.Set && i >= 0:
			s.Measures = slices.Delete(s.Measures, i, i+1)
		case !v.Set:
		case i >= 0:
			v.Measure.ID = key
			s.Measures[i] = v.Measure
		default:
			v.Measure.ID = key
			s.Measures = append(s.Measures, v.Measure)
		}
	case FieldCosts:
		setCostsSlot(s, v)
	case FieldCostPartner:
		return setCostPartnerSlot(s, key, v)
	case FieldCostHead:
		return setCostHeadSlot(s, v)
	case FieldCostRename:
		return setCostRenameSlot(s, key, v)
	case FieldEfficiency:
		if !v.Set {
			s.Efficiency = nil
			return nil
		}
		e := v.Efficiency
		s.Efficiency = &e
	case FieldTitle:
		s.Title = v.Text
	case FieldTraeger:
		s.Traeger = v.Text
	case FieldMunicipalities:
		s.Municipalities = slices.Clone(v.Texts)
	case FieldReview:
		i := slices.IndexFunc(s.Reviews, func(r Review) bool { return r.ID == key })
		switch {
		case !v.Set && i >= 0:
			s.Reviews = slices.Delete(s.Reviews, i, i+1)
		case !v.Set:
		case i >= 0:
			s.Reviews[i] = v.Review
		default:
			v.Review.ID = key
			s.Reviews = append(s.Reviews, v.Review)
		}
	case FieldDecision:
		i, _ := strconv.Atoi(key)
		switch {
		case v.Set && i == len(s.Decisions):
			if err := s.AddDecision(v.Decision); err != nil {
				return err
			}
		case !v.Set && i == len(s.Decisions)-1:
			s.Decisions = s.Decisions[:i]
		default:
			return fmt.Errorf("Entscheidungen werden nur angehängt")
		}
	case FieldDecisionVoid:
		i, _ := strconv.Atoi(key)
		if i < 0 || i >= len(s.Decisions) {
			return fmt.Errorf("Entscheidung %q gibt es nicht", key)
		}
		s.Decisions[i].Void = v.Set && v.Void
	default:
		if ok, err := setRoomSlot(s, f, key, v); ok {
			return err
		}
		return fmt.Errorf("unbekanntes Feld %q", f)
	}
	return nil
}

// sameValue compares two slot values; empty and nil lists are the same.
func sameValue(a, b Value) bool {
	if !a.Set && !b.Set {
		return true
	}
	norm := func(v Value) Value {
		if len(v.Answer) == 0 {
			v.Answer = nil
		}
		if len(v.Texts) == 0 {
			v.Texts = nil
		}
		v.At = 0
		v.Participant = normParticipant(v.Participant)
		return v
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

// Constructors for the changes the screens make. Each reads the current
// value from s, so the change knows its inverse.

// SetAnswerChange answers profile question key (nil: unanswered).
func SetAnswerChange(s *Session, key string, a Answer) Change {
	before, _ := Slot(s, FieldAnswer, key)
	name := key
	if q, ok := ProfileQuestionByKey(key); ok {
		name = q.Label
	}
	verb := "Antwort"
	if len(a) == 0 {
		verb = "Antwort gelöscht"
	} else if n, err := Normalize(key, a); err == nil {
		a = n // as stored, so that undo finds it unchanged
	}
	return Change{Name: verb + " „" + name + "“", Edits: []Edit{{Field: FieldAnswer, Key: key, Before: before, After: Value{Set: len(a) > 0, Answer: a}}}}
}

// SetNoteChange writes the note of a guiding question ("" removes it).
func SetNoteChange(s *Session, id, note string) Change {
	before, _ := Slot(s, FieldNote, id)
	name := "Notiz"
	if note == "" {
		name = "Notiz gelöscht"
	}
	label := id
	if q, _, ok := GuidingQuestionByID(id); ok {
		label = shortName(q.Text)
	}
	return Change{Name: name + " „" + label + "“", Edits: []Edit{{Field: FieldNote, Key: id, Before: before, After: Value{Set: note != "", Text: note}}}}
}

// SetQuickChange sets status and note of a quick-check item.
func SetQuickChange(s *Session, id string, e QuickEntry) Change {
	before, _ := Slot(s, FieldQuick, id)
	after := Value{Set: true, Quick: e}
	if e.Status == "" {
		after.Quick.Status = StatusOffen
	}
	if after.Quick.Status == StatusOffen && e.Note == "" {
		after = Value{} // "offen" without a note is not stored
	}
	name := id
	if it, _, ok := QuickItemByID(id); ok {
		name = shortName(it.Text)
	}
	return Change{Name: "Quick-Check-Punkt „" + name + "“", Edits: []Edit{{Field: FieldQuick, Key: id, Before: before, After: after}}}
}

// PutMeasureChange adds or changes a measure.
func PutMeasureChange(s *Session, m Measure) Change {
	before, _ := Slot(s, FieldMeasure, m.ID)
	name := "Maßnahme „" + m.Title + "“"
	if !before.Set {
		name = "Neue " + name
	}
	return Change{Name: name, Edits: []Edit{{Field: FieldMeasure, Key: m.ID, Before: before, After: Value{Set: true, Measure: m}}}}
}

// DeleteMeasureChange deletes a measure.
func DeleteMeasureChange(s *Session, id string) Change {
	before, _ := Slot(s, FieldMeasure, id)
	return Change{Name: "Maßnahme „" + before.Measure.Title + "“ gelöscht", Edits: []Edit{{Field: FieldMeasure, Key: id, Before: before}}}
}

// SetEfficiencyChange replaces the efficiency sheet (nil: no sheet).
func SetEfficiencyChange(s *Session, name string, e *Efficiency) Change {
	before, _ := Slot(s, FieldEfficiency, "")
	after := Value{}
	if e != nil {
		after = Value{Set: true, Efficiency: *e}
	}
	return Change{Name: name, Edits: []Edit{{Field: FieldEfficiency, Before: before, After: after}}}
}

// AddReviewChange records a review; the store freezes a snapshot named
// label with it in the same transaction. Final: minutes are not undone by
// a keystroke.
func AddReviewChange(r Review, label string) Change {
	return Change{Name: label, Final: true,
		Edits: []Edit{{Field: FieldReview, Key: r.ID, After: Value{Set: true, Review: r}}}}
}

// AddDecisionChange records a decision (append-only, final).
func AddDecisionChange(s *Session, d Decision) Change {
	key := strconv.Itoa(len(s.Decisions))
	return Change{Name: "Entscheidung festgehalten", Final: true,
		Edits: []Edit{{Field: FieldDecision, Key: key, After: Value{Set: true, Decision: d}}}}
}

// VoidDecisionChange marks decision i "irrtümlich erfasst" (void true) or
// takes the mark back.
func VoidDecisionChange(s *Session, i int, void bool) Change {
	key := strconv.Itoa(i)
	before, _ := Slot(s, FieldDecisionVoid, key)
	name := "Entscheidung als irrtümlich erfasst markiert"
	if !void {
		name = "Markierung „irrtümlich erfasst“ aufgehoben"
	}
	return Change{Name: name, Edits: []Edit{{Field: FieldDecisionVoid, Key: key, Before: before, After: Value{Set: true, Void: void}}}}
}

// SetTextChange sets the title or the Schulträger.
func SetTextChange(s *Session, f Field, name, text string) Change {
	before, _ := Slot(s, f, "")
	return Change{Name: name, Edits: []Edit{{Field: f, Before: before, After: Value{Set: true, Text: text}}}}
}

// SetMunicipalitiesChange sets the participating municipalities.
func SetMunicipalitiesChange(s *Session, names []string) Change {
	before, _ := Slot(s, FieldMunicipalities, "")
	return Change{Name: "Beteiligte Kommunen", Edits: []Edit{{Field: FieldMunicipalities, Before: before, After: Value{Set: true, Texts: names}}}}
}

// shortName is the start of a long question for the status line.
func shortName(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return strings.TrimSpace(string(r[:39])) + "…"
}

// SessionDataChange sets title, Schulträger and the participating
// municipalities in one change. Named municipalities also answer "Zahl der
// beteiligten Kommunen" (them and the own one) – unless the group answered
// it differently itself.
func SessionDataChange(s *Session, title, traeger string, munis []string) Change {
	c := Change{Name: "Sitzungsdaten"}
	for _, e := range []Change{SetTextChange(s, FieldTitle, "", title), SetTextChange(s, FieldTraeger, "", traeger), SetMunicipalitiesChange(s, munis)} {
		if !e.Empty() {
			c.Edits = append(c.Edits, e.Edits...)
		}
	}
	if derived, ok := derivedPartnerCount(s, munis); ok {
		c.Edits = append(c.Edits, SetAnswerChange(s, "partner_anzahl", Answer{strconv.Itoa(derived)}).Edits...)
	}
	c.Edits = append(c.Edits, renameCostEdits(s, traeger, munis)...) // cost rows follow renamed names, cost_rename.go
	return c
}

// derivedPartnerCount is the partner count that the municipalities give,
// when the stored answer is missing or was derived from the old list.
func derivedPartnerCount(s *Session, munis []string) (int, bool) {
	if len(munis) == 0 {
		return 0, false
	}
	n := len(munis) + 1 // the own authority counts too
	cur, answered := s.Profile.Number("partner_anzahl")
	if answered && cur != len(s.Municipalities)+1 {
		return 0, false // the group's own answer stays
	}
	return n, cur != n || !answered
}
