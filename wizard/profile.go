// Package wizard turns the catalogue (profile questions, guiding questions,
// quick-check items) into huh fields and forms. The fields write into
// pointer-bound drafts; callers decide when a draft becomes a stored answer.
// The same constructors serve the Bubble Tea tabs (one field per form) and
// the accessible, line-by-line Run() path.
package wizard

import (
	"fmt"
	"math"

	"github.com/charmbracelet/x/ansi"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"ikz/model"
)

// NoAnswer is the select value that stands for "unanswered".
const NoAnswer = ""

// NoAnswerLabel is the label of the NoAnswer option in selects.
const NoAnswerLabel = "– keine Angabe –"

// ProfileDraft is the editable state of one profile answer. Exactly one of
// Choice, Multi and Number is used, depending on the question's Kind.
type ProfileDraft struct {
	Choice string   // Single and Bool; NoAnswer means unanswered
	Multi  []string // Multi; empty means unanswered
	Number string   // Number, as typed; "" means unanswered
}

// NewProfileDraft fills a draft from a stored answer (nil: unanswered).
func NewProfileDraft(q model.ProfileQuestion, a model.Answer) *ProfileDraft {
	d := &ProfileDraft{}
	switch q.Kind {
	case model.Multi:
		d.Multi = append([]string(nil), a...)
	case model.Number:
		if len(a) == 1 {
			d.Number = a[0]
		}
	default:
		if len(a) == 1 {
			d.Choice = a[0]
		}
	}
	return d
}

// Answer converts the draft into a canonical answer. answered is false when
// the draft means "unanswered"; err is set when the draft is not (yet) a
// valid answer, e.g. a half-typed number.
func (d *ProfileDraft) Answer(q model.ProfileQuestion) (a model.Answer, answered bool, err error) {
	var raw model.Answer
	switch q.Kind {
	case model.Multi:
		if len(d.Multi) == 0 {
			return nil, false, nil
		}
		raw = model.Answer(d.Multi)
	case model.Number:
		s := strings.TrimSpace(d.Number)
		if s == "" {
			return nil, false, nil
		}
		if err := numberCheck(q)(s); err != nil {
			return nil, false, err
		}
		raw = model.Answer{wholeNumber(s)}
	default:
		if d.Choice == NoAnswer {
			return nil, false, nil
		}
		raw = model.Answer{d.Choice}
	}
	a, err = model.Normalize(q.Key, raw)
	if err != nil {
		return nil, false, err
	}
	return a, true, nil
}

// SameAnswer reports whether two answers are equal; nil and empty both mean
// unanswered.
func SameAnswer(a, b model.Answer) bool {
	return slices.Equal(a, b)
}

// NumberValidator accepts "" (unanswered) or a whole number ≥ min in
// German notation (model.ParseGermanNumber: "1.200" is twelve hundred,
// "1,000" is refused as ambiguous).
func NumberValidator(min int) func(string) error { return NumberRange(min, 0, "") }

// NumberRange accepts "" or a whole number from min to max (max 0: no
// upper bound); what names the number in the message.
func NumberRange(min, max int, what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		v, err := model.ParseGermanNumber(s)
		if err != nil {
			return err
		}
		switch {
		case v != math.Trunc(v):
			frac := strings.TrimRight(strings.TrimRight(model.FormatNumber(v, 6), "0"), ",")
			return fmt.Errorf("Bitte eine ganze Zahl eingeben – %s hat Nachkommastellen", frac)
		case v < float64(min):
			return fmt.Errorf("Bitte eine ganze Zahl ab %d eingeben", min)
		case max > 0 && v > float64(max):
			return fmt.Errorf("%s über %d sind unplausibel – bitte die Zahl prüfen (höchstens %d)", what, max, max)
		}
		return nil
	}
}

// wholeNumber is the canonical text of a validated whole number.
func wholeNumber(s string) string {
	v, err := model.ParseGermanNumber(s)
	if err != nil {
		return strings.TrimSpace(s)
	}
	return strconv.FormatInt(int64(v), 10)
}

// ProfileField builds the huh field for q bound to d, for the accessible
// form: a select offers "keine Angabe" to pass a question. height limits
// the visible options of selects (0: all).
func ProfileField(q model.ProfileQuestion, d *ProfileDraft, height int) huh.Field {
	return profileField(q, d, height, true)
}

// ProfileEditField is ProfileField for the Profil tab's editor in a pane
// of w×h cells: no "keine Angabe" option, so that neither browsing nor
// wrapping around can clear an answer (clearing is its own action there);
// long option labels wrap with a hanging indent, and the list takes the
// height it needs, up to h (ChoiceOverflow tells when it needs more).
func ProfileEditField(q model.ProfileQuestion, d *ProfileDraft, w, h int) huh.Field {
	if q.Kind == model.Number || w <= 0 {
		return profileField(q, d, h, false)
	}
	q.Options = wrappedOptions(q.Options, w)
	f := profileField(q, d, 0, false)
	need := choiceHeight(q, w)
	switch f := f.(type) {
	case *huh.Select[string]:
		f.Height(min(need, h))
	case *huh.MultiSelect[string]:
		f.Height(min(need, h))
	}
	return f
}

// ChoiceOverflow reports whether the options of q need more than h lines
// in a pane w cells wide (the editor then says that more follow).
func ChoiceOverflow(q model.ProfileQuestion, w, h int) bool {
	if q.Kind == model.Number || w <= 0 {
		return false
	}
	q.Options = wrappedOptions(q.Options, w)
	return choiceHeight(q, w) > h
}

// optionIndent is what huh puts before an option label: the border, the
// cursor and, in a multi-select, the check box.
const optionIndent = 8

// wrappedOptions breaks long labels into lines that fit the pane; huh
// lays the lines out under the label's start (a hanging indent).
func wrappedOptions(opts []model.Option, w int) []model.Option {
	out := make([]model.Option, len(opts))
	for i, o := range opts {
		o.Label = ansi.Wrap(o.Label, max(w-optionIndent, 12), "")
		out[i] = o
	}
	return out
}

// choiceHeight is the lines a select of q takes: title, description and
// every (wrapped) option.
func choiceHeight(q model.ProfileQuestion, w int) int {
	n := 1 + strings.Count(ansi.Wrap(q.Help, max(w-2, 10), ",.-; "), "\n") + 1
	for _, o := range q.Options {
		n += strings.Count(o.Label, "\n") + 1
	}
	return n + 1
}

func profileField(q model.ProfileQuestion, d *ProfileDraft, height int, none bool) huh.Field {
	switch q.Kind {
	case model.Multi:
		opts := make([]huh.Option[string], len(q.Options))
		for i, o := range q.Options {
			opts[i] = huh.NewOption(o.Label, o.Value)
		}
		f := huh.NewMultiSelect[string]().
			Key(q.Key).
			Title(q.Label).
			Description(q.Help).
			Filterable(false).
			Value(&d.Multi). // before Options: the cursor starts on the first chosen value
			Options(opts...)
		if needsHeight(len(opts), height) {
			f.Height(height)
		}
		return f
	case model.Number:
		return huh.NewInput().
			Key(q.Key).
			Title(q.Label).
			Description(q.Help).
			Placeholder("z. B. " + strconv.Itoa(q.Min+1)).
			CharLimit(24). // long enough to see what was typed; the check says what is too big
			Validate(numberCheck(q)).
			Value(&d.Number)
	default:
		opts := make([]huh.Option[string], 0, len(q.Options)+1)
		if none {
			opts = append(opts, huh.NewOption(NoAnswerLabel, NoAnswer))
		}
		for _, o := range q.Options {
			opts = append(opts, huh.NewOption(o.Label, o.Value))
		}
		f := huh.NewSelect[string]().
			Key(q.Key).
			Title(q.Label).
			Description(q.Help).
			Filtering(false).
			Options(opts...).
			Value(&d.Choice)
		if needsHeight(len(opts), height) {
			f.Height(height)
		}
		return f
	}
}

// needsHeight reports whether a select with n options must be limited to
// height lines. Only then do we set a height: huh scrolls the chosen option
// to the top line whenever a height is set, hiding the options above it.
func needsHeight(n, height int) bool {
	const titleAndHelp = 4 // title, help text (often two lines), spacing
	return height > 0 && n+titleAndHelp > height
}

// ProfileDrafts fills one draft per profile question from p.
func ProfileDrafts(p model.Profile) map[string]*ProfileDraft {
	out := make(map[string]*ProfileDraft, len(model.ProfileQuestions))
	for _, q := range model.ProfileQuestions {
		out[q.Key] = NewProfileDraft(q, p[q.Key])
	}
	return out
}

// ProfileFromDrafts converts all drafts back into a profile; unanswered
// drafts are left out.
func ProfileFromDrafts(drafts map[string]*ProfileDraft) (model.Profile, error) {
	p := model.Profile{}
	for _, q := range model.ProfileQuestions {
		d, ok := drafts[q.Key]
		if !ok {
			continue
		}
		a, answered, err := d.Answer(q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.Label, err)
		}
		if answered {
			p[q.Key] = a
		}
	}
	return p, nil
}

// ProfileForm is the whole profile as one form, a group per question, for
// the accessible Run() path. A question is skipped while the drafts make it
// irrelevant (model.Profile.Visible).
func ProfileForm(drafts map[string]*ProfileDraft) *huh.Form {
	groups := make([]*huh.Group, 0, len(model.ProfileQuestions))
	for _, q := range model.ProfileQuestions {
		g := huh.NewGroup(ProfileField(q, drafts[q.Key], 0))
		if q.HideIf != nil {
			q := q
			g.WithHideFunc(func() bool { return Hidden(q, drafts) })
		}
		groups = append(groups, g)
	}
	return huh.NewForm(groups...)
}

// Hidden reports whether the drafts make q irrelevant (its HideIf holds).
func Hidden(q model.ProfileQuestion, drafts map[string]*ProfileDraft) bool {
	if q.HideIf == nil {
		return false
	}
	cond, ok := drafts[q.HideIf.Key]
	return ok && (cond.Choice == q.HideIf.Value || slices.Contains(cond.Multi, q.HideIf.Value))
}

// numberCheck validates the answer to a Number question.
func numberCheck(q model.ProfileQuestion) func(string) error {
	return NumberRange(q.Min, q.Max, q.Label)
}
