package wizard

import (
	"github.com/charmbracelet/huh"

	"ikz/model"
)

// NoteField builds the multi-line note for a guiding question, bound to
// note. lines is the height of the text area (0: huh's default).
func NoteField(q model.GuidingQuestion, note *string, lines int) *huh.Text {
	f := huh.NewText().
		Key(q.ID).
		Title(q.Text).
		Placeholder("Notiz …").
		CharLimit(0).
		ExternalEditor(false).
		Value(note)
	if lines > 0 {
		f.Lines(lines)
	}
	return f
}

// QuickDraft is the editable state of one quick-check item.
type QuickDraft struct {
	Status string
	Note   string
}

// NewQuickDraft fills a draft from a stored entry; an item never touched
// starts as "offen".
func NewQuickDraft(e model.QuickEntry, ok bool) *QuickDraft {
	if !ok || e.Status == "" {
		e.Status = model.StatusOffen
	}
	return &QuickDraft{Status: string(e.Status), Note: e.Note}
}

// Entry converts the draft into a stored entry.
func (d *QuickDraft) Entry() model.QuickEntry {
	st := model.QuickStatus(d.Status)
	if st == "" {
		st = model.StatusOffen
	}
	return model.QuickEntry{Status: st, Note: d.Note}
}

// IsDefault reports whether e says nothing beyond "offen, no note"; such an
// entry need not be stored.
func IsDefault(e model.QuickEntry) bool {
	return (e.Status == "" || e.Status == model.StatusOffen) && e.Note == ""
}

// SameEntry compares two entries, treating a missing status as "offen".
func SameEntry(a, b model.QuickEntry) bool {
	if a.Status == "" {
		a.Status = model.StatusOffen
	}
	if b.Status == "" {
		b.Status = model.StatusOffen
	}
	return a == b
}

// StatusLabel returns the German label of a quick-check status.
func StatusLabel(s model.QuickStatus) string {
	if s == "" {
		s = model.StatusOffen
	}
	for _, o := range model.QuickStatuses {
		if o.Value == string(s) {
			return o.Label
		}
	}
	return string(s)
}

// QuickFields builds the status select and the note of a quick-check item,
// both bound to d. lines is the height of the note (0: huh's default).
func QuickFields(item model.QuickItem, d *QuickDraft, lines int) (*huh.Select[string], *huh.Text) {
	opts := QuickStatusOptions()
	desc := item.Hint
	status := huh.NewSelect[string]().
		Key(item.ID + ".status").
		Title(item.Text).
		Description(desc).
		Filtering(false).
		Inline(true).
		Options(opts...).
		Value(&d.Status)
	note := huh.NewText().
		Key(item.ID + ".note").
		Title("Notiz").
		Placeholder("Notiz …").
		CharLimit(0).
		ExternalEditor(false).
		Value(&d.Note)
	if lines > 0 {
		note.Lines(lines)
	}
	return status, note
}

// QuickStatusOptions are the quick-check statuses as select options, in
// display order.
func QuickStatusOptions() []huh.Option[string] {
	opts := make([]huh.Option[string], len(model.QuickStatuses))
	for i, o := range model.QuickStatuses {
		opts[i] = huh.NewOption(o.Label, o.Value)
	}
	return opts
}

// SetNote stores a note for a guiding question (an empty note is removed).
func SetNote(s *model.Session, id, note string) {
	if note == "" {
		delete(s.Notes, id)
		return
	}
	if s.Notes == nil {
		s.Notes = map[string]string{}
	}
	s.Notes[id] = note
}

// SetQuick stores a quick-check entry (an "offen" entry without note is removed).
func SetQuick(s *model.Session, id string, e model.QuickEntry) {
	if IsDefault(e) {
		delete(s.QuickCheck, id)
		return
	}
	if s.QuickCheck == nil {
		s.QuickCheck = map[string]model.QuickEntry{}
	}
	s.QuickCheck[id] = e
}

// SetAnswer stores a profile answer (answered false removes it).
func SetAnswer(s *model.Session, key string, a model.Answer, answered bool) {
	if !answered {
		delete(s.Profile, key)
		return
	}
	if s.Profile == nil {
		s.Profile = model.Profile{}
	}
	s.Profile[key] = a
}
