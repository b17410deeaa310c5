package wizard

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"ikz/model"
)

// Field keys of the new-session form. Land and kind of Träger use the
// profile keys they are stored under.
const (
	FieldTitle          = "title"
	FieldTraegerName    = "traeger_name"
	FieldLand           = "bundesland"
	FieldKind           = "traeger"
	FieldMunicipalities = "municipalities"
)

// NewSession is the draft behind the new-session form. The form writes into
// it through pointers, so keep it on the heap (take its address once) for as
// long as the form lives.
type NewSession struct {
	Title          string
	Traeger        string // name of the Schulträger
	Land           string // profile value of "bundesland"; NoAnswer = unanswered
	Kind           string // profile value of "traeger"; NoAnswer = unanswered
	Municipalities string // comma separated, optional
}

// Apply writes the draft into s. Unanswered choices remove the profile
// answer, so pressing enter never invents a value.
func (d *NewSession) Apply(s *model.Session) {
	s.Title = strings.TrimSpace(d.Title)
	s.Traeger = strings.TrimSpace(d.Traeger)
	if s.Profile == nil {
		s.Profile = model.Profile{}
	}
	setChoice(s.Profile, "bundesland", d.Land)
	setChoice(s.Profile, "traeger", d.Kind)
	s.Municipalities = SplitList(d.Municipalities)
	if _, answered := s.Profile["partner_anzahl"]; !answered && len(s.Municipalities) > 0 {
		// the named municipalities and the own authority
		s.Profile["partner_anzahl"] = model.Answer{strconv.Itoa(len(s.Municipalities) + 1)}
	}
}

func setChoice(p model.Profile, key, value string) {
	if value == NoAnswer {
		delete(p, key)
		return
	}
	p[key] = model.Answer{value}
}

// SplitList splits a comma or semicolon separated list, trims the parts and
// drops empty ones and duplicates (case-insensitive), keeping the order.
func SplitList(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		part = strings.Join(strings.Fields(part), " ")
		k := strings.ToLower(part)
		if part == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, part)
	}
	return out
}

// ValidateTitle requires a title that is not blank.
func ValidateTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("Bitte einen Titel eingeben – unter ihm finden Sie die Sitzung wieder.")
	}
	return nil
}

// TitleLimit is the longest title the form accepts.
const TitleLimit = 80

// NewSessionForm builds a fresh form for d: the title first (typing starts at
// once), then the Schulträger, the Land (with the city-state note), the kind
// of Träger and the participating municipalities. Enter through the fields
// keeps the defaults: Land and kind stay unanswered. theme may be nil.
func NewSessionForm(d *NewSession, theme *huh.Theme) *huh.Form {
	f := NewSessionFields(d)
	return huh.NewForm(
		huh.NewGroup(f[0], f[1]),
		huh.NewGroup(f[2]),
		huh.NewGroup(f[3], f[4]),
	).WithKeyMap(newSessionKeyMap()).WithTheme(theme)
}

// NewSessionFields are the fields of the new-session form bound to d, in
// its order; the accessible mode asks them one by one.
func NewSessionFields(d *NewSession) []huh.Field {
	title := huh.NewInput().
		Key(FieldTitle).
		Title("Titel der Sitzung").
		Description(NewSessionHint(FieldTitle)).
		CharLimit(TitleLimit).
		Validate(ValidateTitle).
		Value(&d.Title)
	traeger := huh.NewInput().
		Key(FieldTraegerName).
		Title("Schulträger").
		Description(NewSessionHint(FieldTraegerName)).
		Placeholder("z. B. Stadt Musterstadt").
		CharLimit(TitleLimit).
		Value(&d.Traeger)

	// The city-state note (LandNote) is shown by the caller below the form:
	// a DescriptionFunc would read d.Land from a command goroutine while the
	// form writes it.
	land := huh.NewSelect[string]().
		Key(FieldLand).
		Title("Bundesland").
		Description(NewSessionHint(FieldLand)).
		Options(choiceOptions("bundesland")...).
		Height(landHeight).
		Value(&d.Land)

	kindQ, _ := model.ProfileQuestionByKey("traeger")
	kind := huh.NewSelect[string]().
		Key(FieldKind).
		Title(kindQ.Label).
		Description(NewSessionHint(FieldKind)).
		Options(choiceOptions("traeger")...).
		Value(&d.Kind)
	munis := huh.NewInput().
		Key(FieldMunicipalities).
		Title("Beteiligte Kommunen").
		Description(NewSessionHint(FieldMunicipalities)).
		Placeholder("z. B. Stadt A, Gemeinde B, Kreis C").
		Value(&d.Municipalities)
	return []huh.Field{title, traeger, land, kind, munis}
}

// NewSessionHint is the description of the new-session field with key
// (huh's accessible prompts do not show descriptions).
func NewSessionHint(key string) string {
	switch key {
	case FieldTitle:
		return "Zum Wiederfinden in der Liste, z. B. „Schul-IT gemeinsam 2026“."
	case FieldTraegerName:
		return "Name Ihrer Stadt, Gemeinde oder Ihres Kreises (kann leer bleiben)."
	case FieldLand:
		return LandNote("")
	case FieldKind:
		q, _ := model.ProfileQuestionByKey("traeger")
		return q.Help
	case FieldMunicipalities:
		return "Optional, durch Komma getrennt."
	}
	return ""
}

// newSessionKeyMap is KeyMap plus the keys a stand-alone form can afford:
// tab and shift+tab move between fields, / searches the Land list.
func newSessionKeyMap() *huh.KeyMap {
	k := KeyMap()
	for _, b := range []*key.Binding{&k.Input.Prev, &k.Select.Prev} {
		b.SetKeys("shift+tab")
		b.SetHelp("shift+tab", "zurück")
		b.SetEnabled(true)
	}
	k.Input.Next.SetKeys("enter", "tab")
	k.Select.Next.SetKeys("enter", "tab")
	k.Select.Filter = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "suchen"))
	k.Select.SetFilter = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "Suche übernehmen"), key.WithDisabled())
	k.Select.ClearFilter = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "Suche löschen"), key.WithDisabled())
	return k
}

// landHeight leaves room for the city-state note on a 24-line terminal.
const landHeight = 12

// choiceOptions returns "keine Angabe" followed by the options of a profile
// question.
func choiceOptions(key string) []huh.Option[string] {
	q, _ := model.ProfileQuestionByKey(key)
	out := []huh.Option[string]{huh.NewOption(NoAnswerLabel, NoAnswer)}
	for _, o := range q.Options {
		out = append(out, huh.NewOption(o.Label, o.Value))
	}
	return out
}

// LandNote explains the Land choice: for the city-states the note that the
// cooperation laws do not apply in the same way, else what the Land decides.
func LandNote(code string) string {
	if note := cityNote(code); note != "" {
		return "Hinweis: " + note
	}
	return "Das Land bestimmt die Rechtsgrundlage und welche Formen es gibt."
}

func cityNote(code string) string {
	if l, ok := model.LandByCode(code); ok && l.CityState {
		return l.CityNote
	}
	return ""
}
