package wording

import (
	"strings"

	"ikz/model"
)

// Legal is the law of the chosen Land: the law, and per formal model the
// Land's own form, its paragraphs, the approval it needs and a caveat.
// Every uncertain fact carries Check; the approval of agreements is shown
// once, with the agreement forms.
type Legal struct {
	Land      string
	Title     string // "Rechtsgrundlage in Bayern"
	Law       Fact
	CityState bool
	Forms     []Form // formal models, in ranking order
}

// Form is one formal model in the Land.
type Form struct {
	Model     model.ModelID
	ModelName string
	Available bool
	Name      string // the Land's own name of the form
	Paras     Fact
	Approval  Fact // Genehmigung or Anzeige
	Note      Fact
}

// Sentences of the Land block.
const (
	InformalLaw = "Für die informelle Zusammenarbeit braucht es keine besondere Rechtsgrundlage."
	NoForm      = "Diese Form sieht das Landesrecht nicht vor."
	// Labels of the lines of a form.
	LabelForm     = "Form im Land"
	LabelApproval = "Genehmigung oder Anzeige"
	LabelNote     = "Hinweis"
)

// NewLegal words the Land's law; ranking gives the order of the forms
// (catalogue order when empty).
func NewLegal(l model.LandLaw, ranking []model.ModelScore) *Legal {
	out := &Legal{Land: l.Name, Title: "Rechtsgrundlage in " + l.Name, Law: fact(l.Law), CityState: l.CityState}
	order := model.ModelIDs
	if len(ranking) > 0 {
		order = nil
		for _, m := range ranking {
			order = append(order, m.Model)
		}
	}
	for _, id := range order {
		f, ok := l.Forms[id]
		if !ok {
			continue
		}
		form := Form{Model: id, ModelName: ModelName(id), Available: f.Available, Name: f.Name,
			Paras: fact(f.Paragraphs), Approval: fact(f.Approval), Note: fact(f.Note)}
		if form.Approval.Text == "" && isAgreement(id) {
			form.Approval = fact(l.Approval) // the Land's rule for agreements
		}
		out.Forms = append(out.Forms, form)
	}
	return out
}

func isAgreement(id model.ModelID) bool {
	return id == model.VereinbarungMandatierend || id == model.VereinbarungDelegierend
}

// Form returns the Land's form of a model, nil when it has none (informal
// cooperation, city-states).
func (l *Legal) Form(id model.ModelID) *Form {
	if l == nil {
		return nil
	}
	for i := range l.Forms {
		if l.Forms[i].Model == id {
			return &l.Forms[i]
		}
	}
	return nil
}

// Line is the form in one line: "Zweckvereinbarung – Art. 7–16 KommZG".
func (f Form) Line() string {
	if !f.Available {
		if f.Paras.Text != "" {
			return NoForm + " " + f.Paras.String()
		}
		return NoForm
	}
	if f.Paras.Text == "" {
		return "„" + f.Name + "“"
	}
	return "„" + f.Name + "“ – " + f.Paras.String()
}

// Says reports whether a caveat only repeats one of the form's facts.
func (f Form) Says(text string) bool {
	for _, x := range []Fact{f.Paras, f.Approval, f.Note} {
		if t := trimDot(x.Text); t != "" && strings.Contains(text, t) {
			return true
		}
	}
	return false
}

// LegalLine is one line of a model's legal basis; Label may be empty.
type LegalLine struct {
	Label string
	Fact  Fact
	Warn  bool // the form does not exist in the Land
}

// ModelLegal is the legal basis of one model in the chosen Land: a title
// and its lines, the same on the screen, in the paper and read aloud.
func (r Result) ModelLegal(id model.ModelID) (title string, lines []LegalLine) {
	l := r.Legal
	if l == nil {
		return "Rechtsgrundlage", []LegalLine{{Fact: Fact{Text: NoLandNote}}}
	}
	if id == model.Informell {
		return l.Title, []LegalLine{{Fact: Fact{Text: InformalLaw}}}
	}
	lines = []LegalLine{{Fact: l.Law}}
	f := l.Form(id)
	if f == nil || !f.Available {
		line := LegalLine{Fact: Fact{Text: NoForm}, Warn: true}
		if f != nil && f.Note.Text != "" {
			line.Fact = Fact{Text: NoForm + " " + f.Note.Text, Check: f.Note.Check}
		}
		return l.Title, append(lines, line)
	}
	lines = append(lines, LegalLine{Label: LabelForm, Fact: Fact{Text: formName(*f), Check: f.Paras.Check}})
	if f.Approval.Text != "" {
		lines = append(lines, LegalLine{Label: LabelApproval, Fact: f.Approval})
	}
	if f.Note.Text != "" {
		lines = append(lines, LegalLine{Label: LabelNote, Fact: f.Note})
	}
	return l.Title, lines
}

// formName is "„Zweckvereinbarung“ – Art. 7–16 KommZG" without the check
// note (the line carries it).
func formName(f Form) string {
	if f.Paras.Text == "" {
		return "„" + f.Name + "“"
	}
	return "„" + f.Name + "“ – " + f.Paras.Text
}

// String is the line in running text: "Form im Land: … [bitte …]".
func (l LegalLine) String() string {
	if l.Label == "" {
		return l.Fact.String()
	}
	return l.Label + ": " + l.Fact.String()
}
