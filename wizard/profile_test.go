package wizard

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
)

func question(t *testing.T, key string) model.ProfileQuestion {
	t.Helper()
	q, ok := model.ProfileQuestionByKey(key)
	if !ok {
		t.Fatalf("profile question %q missing from the catalogue", key)
	}
	return q
}

func TestProfileDraftRoundTrip(t *testing.T) {
	tests := []struct {
		key      string
		stored   model.Answer
		draft    ProfileDraft // applied after NewProfileDraft when non-zero
		edit     bool
		want     model.Answer
		answered bool
		wantErr  bool
	}{
		{key: "bundesland", stored: model.Answer{"NW"}, want: model.Answer{"NW"}, answered: true},
		{key: "bundesland", stored: nil, want: nil, answered: false},
		{key: "bundesland", edit: true, draft: ProfileDraft{Choice: NoAnswer}, answered: false},
		{key: "laendlich", edit: true, draft: ProfileDraft{Choice: "false"}, want: model.Answer{"false"}, answered: true},
		{key: "ziele", edit: true, draft: ProfileDraft{Multi: []string{"servicequalitaet", "erfahrungsaustausch"}},
			want: model.Answer{"erfahrungsaustausch", "servicequalitaet"}, answered: true},
		{key: "ziele", edit: true, draft: ProfileDraft{Multi: []string{}}, answered: false},
		{key: "partner_anzahl", stored: model.Answer{"4"}, want: model.Answer{"4"}, answered: true},
		{key: "partner_anzahl", edit: true, draft: ProfileDraft{Number: " 07 "}, want: model.Answer{"7"}, answered: true},
		{key: "partner_anzahl", edit: true, draft: ProfileDraft{Number: ""}, answered: false},
		{key: "partner_anzahl", edit: true, draft: ProfileDraft{Number: "1"}, wantErr: true},
		{key: "partner_anzahl", edit: true, draft: ProfileDraft{Number: "drei"}, wantErr: true},
		{key: "bundesland", edit: true, draft: ProfileDraft{Choice: "XX"}, wantErr: true},
	}
	for _, tt := range tests {
		q := question(t, tt.key)
		d := NewProfileDraft(q, tt.stored)
		if tt.edit {
			*d = tt.draft
		}
		got, answered, err := d.Answer(q)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s %+v: err = %v, want error %v", tt.key, tt.draft, err, tt.wantErr)
			continue
		}
		if answered != tt.answered || !SameAnswer(got, tt.want) {
			t.Errorf("%s %+v: got %v (answered %v), want %v (answered %v)", tt.key, tt.draft, got, answered, tt.want, tt.answered)
		}
	}
}

func TestNumberValidatorMessage(t *testing.T) {
	v := NumberValidator(2)
	for _, ok := range []string{"", "2", "13"} {
		if err := v(ok); err != nil {
			t.Errorf("%q: unexpected error %v", ok, err)
		}
	}
	for bad, want := range map[string]string{"1": "Bitte eine ganze Zahl ab 2 eingeben", "0": "ab 2", "-3": "ab 2",
		"2,5": "ganze Zahl eingeben – 2,5 hat Nachkommastellen", "zwei": "„zwei“ ist keine Zahl", "1,000": "mehrdeutig"} {
		err := v(bad)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", bad, err, want)
		}
	}
	// Too big is refused with the field's name, never cut off.
	r := NumberRange(2, 500, "Zahl der beteiligten Kommunen")
	if err := r("12345678901234567890"); err == nil {
		t.Error("a 20-digit count was accepted")
	}
	if err := r("94.000"); err == nil || !strings.Contains(err.Error(), "Zahl der beteiligten Kommunen über 500 sind unplausibel") {
		t.Errorf("94.000 partners: %v", err)
	}
}

// keys drives a field like huh's own tests: send the keys, ignore commands.
func keys(f huh.Field, ks ...tea.KeyMsg) {
	f.WithKeyMap(huh.NewDefaultKeyMap())
	f.Focus()
	for _, k := range ks {
		f.Update(k)
	}
}

func TestProfileFieldWritesDraft(t *testing.T) {
	down := tea.KeyMsg{Type: tea.KeyDown}

	q := question(t, "bundesland")
	d := NewProfileDraft(q, nil)
	f := ProfileField(q, d, 5)
	if d.Choice != NoAnswer {
		t.Fatalf("unanswered select starts at %q, want the no-answer option", d.Choice)
	}
	keys(f, down, down)
	if d.Choice != "BY" { // "– keine Angabe –", BW, BY
		t.Errorf("after two downs the draft is %q, want BY", d.Choice)
	}

	q = question(t, "ziele")
	d = NewProfileDraft(q, model.Answer{"wirtschaftlichkeit"})
	f = ProfileField(q, d, 0)
	keys(f, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	if len(d.Multi) != 0 {
		t.Errorf("toggling the only chosen goal off left %v", d.Multi)
	}

	q = question(t, "partner_anzahl")
	d = NewProfileDraft(q, nil)
	f = ProfileField(q, d, 0)
	keys(f, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("12")})
	if d.Number != "12" {
		t.Errorf("typed 12, draft holds %q", d.Number)
	}
}

func TestProfileFromDrafts(t *testing.T) {
	p := model.Profile{"bundesland": {"SL"}, "neue_rechtsperson": {"nein"}, "partner_anzahl": {"3"}}
	drafts := ProfileDrafts(p)
	got, err := ProfileFromDrafts(drafts)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(p) {
		t.Fatalf("round trip gave %v, want %v", got, p)
	}
	for k, a := range p {
		if !SameAnswer(got[k], a) {
			t.Errorf("%s: got %v, want %v", k, got[k], a)
		}
	}
	drafts["partner_anzahl"].Number = "1"
	if _, err := ProfileFromDrafts(drafts); err == nil {
		t.Error("an invalid number must be reported")
	}
}

func TestHiddenFollowsDrafts(t *testing.T) {
	steuerung := question(t, "steuerung")
	if steuerung.HideIf == nil {
		t.Skip("catalogue no longer hides steuerung")
	}
	drafts := ProfileDrafts(model.Profile{})
	if Hidden(steuerung, drafts) {
		t.Error("steuerung hidden while neue_rechtsperson is unanswered")
	}
	drafts[steuerung.HideIf.Key].Choice = steuerung.HideIf.Value
	if !Hidden(steuerung, drafts) {
		t.Errorf("steuerung shown although %s = %s", steuerung.HideIf.Key, steuerung.HideIf.Value)
	}
	p, _ := ProfileFromDrafts(drafts)
	if p.Visible(steuerung) {
		t.Error("wizard and model disagree on visibility")
	}
	if Hidden(question(t, "bundesland"), drafts) {
		t.Error("a question without HideIf must never be hidden")
	}
	if f := ProfileForm(drafts); f == nil {
		t.Fatal("ProfileForm returned nil")
	}
}
