package wizard

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
)

func TestQuickDraftDefaults(t *testing.T) {
	tests := []struct {
		name   string
		stored model.QuickEntry
		ok     bool
		want   model.QuickEntry
	}{
		{"never touched", model.QuickEntry{}, false, model.QuickEntry{Status: model.StatusOffen}},
		{"empty status", model.QuickEntry{Note: "x"}, true, model.QuickEntry{Status: model.StatusOffen, Note: "x"}},
		{"stored", model.QuickEntry{Status: model.StatusErledigt, Note: "ok"}, true, model.QuickEntry{Status: model.StatusErledigt, Note: "ok"}},
	}
	for _, tt := range tests {
		if got := NewQuickDraft(tt.stored, tt.ok).Entry(); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestSameEntryAndDefault(t *testing.T) {
	if !SameEntry(model.QuickEntry{}, model.QuickEntry{Status: model.StatusOffen}) {
		t.Error("a missing status must equal offen")
	}
	if SameEntry(model.QuickEntry{}, model.QuickEntry{Status: model.StatusOffen, Note: "n"}) {
		t.Error("different notes compared equal")
	}
	if !IsDefault(model.QuickEntry{Status: model.StatusOffen}) || IsDefault(model.QuickEntry{Status: model.StatusInArbeit}) {
		t.Error("IsDefault is wrong")
	}
}

func TestSetNoteQuickAnswer(t *testing.T) {
	s := &model.Session{}
	SetNote(s, "q1", "Text")
	SetQuick(s, "qc.s1", model.QuickEntry{Status: model.StatusErledigt})
	SetAnswer(s, "bundesland", model.Answer{"HE"}, true)
	if s.Notes["q1"] != "Text" || s.QuickCheck["qc.s1"].Status != model.StatusErledigt || !s.Profile.Is("bundesland", "HE") {
		t.Fatalf("values not stored: %+v", s)
	}
	SetNote(s, "q1", "")
	SetQuick(s, "qc.s1", model.QuickEntry{Status: model.StatusOffen})
	SetAnswer(s, "bundesland", nil, false)
	if _, ok := s.Notes["q1"]; ok {
		t.Error("empty note kept")
	}
	if _, ok := s.QuickCheck["qc.s1"]; ok {
		t.Error("default quick entry kept")
	}
	if _, ok := s.Profile["bundesland"]; ok {
		t.Error("cleared answer kept")
	}
}

func TestStatusLabel(t *testing.T) {
	for _, o := range model.QuickStatuses {
		if got := StatusLabel(model.QuickStatus(o.Value)); got != o.Label {
			t.Errorf("%s: got %q, want %q", o.Value, got, o.Label)
		}
	}
	if StatusLabel("") != "offen" {
		t.Error("an empty status reads as offen")
	}
}

var testPhase = model.Phase{
	ID: model.PhaseSondierung, Short: "Sondierung",
	Groups: []model.QuestionGroup{{ID: "g", Title: "Gruppe", Questions: []model.GuidingQuestion{
		{ID: "s.a", Text: "Frage A"}, {ID: "s.b", Text: "Frage B"}}}},
	QuickItems: []model.QuickItem{{ID: "qc.s1", Text: "Punkt 1"}},
}

func TestQuickFieldsWriteDraft(t *testing.T) {
	d := NewQuickDraft(model.QuickEntry{}, false)
	st, note := QuickFields(testPhase.QuickItems[0], d, 3)
	keys(st, tea.KeyMsg{Type: tea.KeyRight})
	if d.Status != string(model.StatusInArbeit) {
		t.Errorf("→ on the inline status gave %q, want in_arbeit", d.Status)
	}
	keys(note, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Termin steht")})
	if d.Note != "Termin steht" {
		t.Errorf("note draft = %q", d.Note)
	}
}

func TestNoteFieldWritesDraft(t *testing.T) {
	var n string
	f := NoteField(testPhase.Groups[0].Questions[0], &n, 4)
	keys(f, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ab")})
	if n != "ab" {
		t.Errorf("note = %q, want ab", n)
	}
}
