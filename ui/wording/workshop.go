package wording

import (
	"fmt"

	"ikz/model"
)

// Workshop is the summary of a workshop: where the municipalities
// agree and where not, and the recommendation each of them would get.
type Workshop struct {
	Answered bool   // false while no participant has answered anything
	Disputed string // "6 von 17 Fragen strittig"
	Intro    string
	Legend   string
	Keys     AgreementTable
	Quick    AgreementTable // only items at least one participant rated
	Rankings []RankingRow
	Note     string // below the rankings
}

// AgreementTable is the table of profile questions or of quick-check
// items, with its column headings.
type AgreementTable struct {
	Head, Level, Agreed, Spread string
	Rows                        []AgreementRow
}

// AgreementRow is one profile question or quick-check item.
type AgreementRow struct {
	Label   string
	Mark    string // "≠ Dissens", the level with the Workshop tab's mark
	Class   string // CSS class of the level
	Agreed  string // the joint answer, "" while none is set
	Groups  []SpreadGroup
	Missing []string // names of the participants without an answer
	// NoneAnswered: no participant answered; Missing is then left empty
	// instead of naming everyone.
	NoneAnswered bool
	Reason       string   // why the joint answer was chosen ("" none)
	Comments     []string // "Stadt Lemgo: nur für den Anfang", one per commenting municipality
}

// SpreadGroup is one distinct answer and who gave it.
type SpreadGroup struct {
	Count  int
	Answer string
	Names  []string
}

// RankingRow is one municipality's ranking (or the joint one).
type RankingRow struct {
	Name  string
	Joint bool
	Top   []PlacedModel // the best three models that are not excluded
	Open  int           // unanswered profile questions
}

type PlacedModel struct {
	Place int
	Name  string
	Score int
}

// AgreementMarks mirror the marks of the Workshop tab (ui/workshop_tab.go
// agreementMark and markOpen); the report cannot import package ui.
var AgreementMarks = map[model.Agreement]string{
	model.Dissens:    "≠",
	model.Teilweise:  "≈",
	model.Einigkeit:  "=",
	model.Ausstehend: "·",
	model.Profil:     "◇",
}

var AgreementClasses = map[model.Agreement]string{
	model.Dissens:    "level-dissens",
	model.Teilweise:  "level-teilweise",
	model.Einigkeit:  "level-einig",
	model.Ausstehend: "level-offen",
	model.Profil:     "level-offen",
}

// TopModels is how many models each ranking row shows.
const TopModels = 3

// LevelHead heads the column of the agreement level.
const LevelHead = "Übereinstimmung"

// NoneAnswered is the spread of a question nobody has answered yet.
const NoneAnswered = "ohne Antwort: alle"

// NoJointAnswer stands where the facilitator has not set a joint answer.
const NoJointAnswer = "noch keine"

// NewWorkshop words the workshop summary; nil when s has no participants.
func NewWorkshop(s *model.Session) *Workshop {
	if len(s.Participants) == 0 {
		return nil
	}
	c := model.ComputeConsensus(s)
	names := make(map[string]string, len(s.Participants))
	for _, p := range s.Participants {
		names[p.ID] = p.Name
	}
	nameList := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = id
			if n, ok := names[id]; ok {
				out[i] = n
			}
		}
		return out
	}
	row := func(key, label string, sp model.Spread, agreed string, answer func(model.Group) string) AgreementRow {
		mark := AgreementMarks[sp.Level] + " " + sp.Level.Label()
		if sp.Pending() {
			mark += fmt.Sprintf(" (%d von %d geantwortet)", sp.Answered, sp.Total)
		}
		r := AgreementRow{Label: label, Mark: mark,
			Class: AgreementClasses[sp.Level], Agreed: agreed, NoneAnswered: len(sp.Groups) == 0}
		if !r.NoneAnswered {
			r.Missing = nameList(sp.Missing)
		}
		for _, g := range sp.Groups {
			r.Groups = append(r.Groups, SpreadGroup{Count: len(g.Participants), Answer: answer(g), Names: nameList(g.Participants)})
		}
		if agreed != "" {
			r.Reason = s.Reason(key)
		}
		for _, p := range s.Participants {
			if c := p.Comments[key]; c != "" {
				r.Comments = append(r.Comments, p.Name+": "+c)
			}
		}
		return r
	}

	wv := &Workshop{
		Disputed: fmt.Sprintf("%d von %d Fragen strittig", c.Disputed(), len(c.Keys)),
		Intro:    WorkshopIntro,
		Legend:   WorkshopLegend,
		Keys:     AgreementTable{Head: "Frage", Level: LevelHead, Agreed: "Gemeinsame Antwort", Spread: "Antworten der Kommunen"},
		Quick:    AgreementTable{Head: QuickCheckItem, Level: LevelHead, Agreed: "Gemeinsamer Stand", Spread: "Bewertungen der Kommunen"},
		Note:     RankingsNote,
	}
	for _, k := range c.Keys {
		q := k.Question
		agreed := ""
		if k.Agreed != nil {
			agreed = q.AnswerText(k.Agreed)
		}
		wv.Keys.Rows = append(wv.Keys.Rows, row(q.Key, q.Label, k.Spread, agreed, func(g model.Group) string { return q.AnswerText(g.Answer) }))
		wv.Answered = wv.Answered || len(k.Groups) > 0
	}
	for _, qc := range c.Quick {
		if len(qc.Groups) == 0 {
			continue
		}
		agreed := ""
		if qc.Agreed != "" {
			agreed = model.QuickStatusLabel(qc.Agreed)
		}
		wv.Quick.Rows = append(wv.Quick.Rows, row(qc.Item.ID, qc.Item.Text, qc.Spread, agreed, func(g model.Group) string { return model.QuickStatusLabel(g.Status) }))
		wv.Answered = true
	}
	for _, col := range c.Rankings {
		r := RankingRow{Name: col.Name, Joint: col.ParticipantID == "", Open: len(col.Result.Unanswered)}
		places := model.Places(col.Result.Ranking)
		for i, ms := range col.Result.Ranking {
			if len(r.Top) == TopModels {
				break
			}
			if !ms.Excluded {
				r.Top = append(r.Top, PlacedModel{Place: places[i], Name: ModelShort(ms.Model), Score: clamp(ms.Score)})
			}
		}
		wv.Rankings = append(wv.Rankings, r)
	}
	return wv
}

// Explanations shared by both formats.
const (
	WorkshopIntro = "Je Frage: wie weit die Kommunen übereinstimmen, die gemeinsame Antwort der Moderation " +
		"(aus ihr ergibt sich die Empfehlung oben) und wer was geantwortet hat. Strittiges steht oben."
	WorkshopLegend = "Gezählt werden die anwesenden Kommunen, für die die Frage gilt. Einigkeit (=): alle haben gleich geantwortet. " +
		"Teilweise (≈): alle haben geantwortet, eine Antwort hat die absolute Mehrheit. Dissens (≠): alle haben geantwortet, keine Antwort " +
		"hat die Mehrheit. Ausstehend (·): es fehlen noch Antworten. Profil (◇): eine Angabe über die eigene Kommune, keine Abstimmung."
	RankingsNote = "Je Kommune die Empfehlung aus ihren eigenen Antworten, „Gemeinsam“ aus den gemeinsamen Antworten; " +
		"gleiche Punkte teilen sich einen Platz."
)
