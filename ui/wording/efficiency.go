package wording

import (
	"fmt"

	"ikz/model"
)

// Efficiency is the efficiency sheet in words and formatted numbers.
type Efficiency struct {
	Invalid     string // the validation message; the numbers are still shown
	Years       string // "5 Jahre"
	Rows        []CostRow
	Total       CostRow
	Savings     string // per year
	Percent     string // "–" when today's costs are 0
	Term        string // over the term
	Staff       string // "3,5 → 3,0 VZÄ", "" when not given
	Hints       []string
	Context     string
	MeetsTarget bool
}

// CostRow is one cost type, in euro per year.
type CostRow struct {
	Label, Now, With, Diff string
}

// Column heads of the cost table.
const (
	CostHead  = "Kostenart (pro Jahr)"
	CostNow   = "heute"
	CostWith  = "mit Kooperation"
	CostDiff  = "Differenz"
	TotalHead = "Summe pro Jahr"
)

// NewEfficiency words an efficiency sheet.
func NewEfficiency(e model.Efficiency) Efficiency {
	sh := e.Sheet()
	out := Efficiency{Context: model.EfficiencyContext, Hints: sh.Hints, MeetsTarget: sh.MeetsFunding()}
	if err := e.Validate(); err != nil {
		out.Invalid = err.Error()
	}
	out.Years = fmt.Sprintf("%d %s", e.Years, map[bool]string{true: "Jahr", false: "Jahre"}[e.Years == 1])
	for _, r := range sh.Rows {
		label := r.Label
		if r.Note != "" {
			label += " (" + r.Note + ")"
		}
		out.Rows = append(out.Rows, CostRow{Label: label, Now: model.FormatEuro(r.Now), With: model.FormatEuro(r.With),
			Diff: model.FormatEuro(r.With - r.Now)})
	}
	out.Total = CostRow{Label: TotalHead, Now: model.FormatEuro(sh.TotalNow), With: model.FormatEuro(sh.TotalWith),
		Diff: model.FormatEuro(sh.TotalWith - sh.TotalNow)}
	out.Savings = model.FormatEuro(sh.Savings)
	out.Percent = NoEntry
	if sh.HasPercent {
		out.Percent = model.FormatPercent(sh.SavingsPercent)
	}
	out.Term = model.FormatEuro(sh.SavingsTerm)
	if e.StaffNow != 0 || e.StaffWith != 0 {
		out.Staff = Staff(e.StaffNow, e.StaffWith)
	}
	return out
}

// SavingsLine is the saving in one sentence, for summaries.
func (e Efficiency) SavingsLine() string {
	s := "Einsparung pro Jahr: " + e.Savings
	if e.Percent != NoEntry {
		s += " (" + e.Percent + ")"
	}
	return s + "; über " + e.Years + " Laufzeit: " + e.Term + "."
}
