package wording

import (
	"math"

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
	FundingMet  string // the sentence when both funding thresholds are met, else ""
	// Result is the saving in one sign convention (Einsparung or
	// Mehrkosten, every number positive); Complete is false while today's
	// or the future costs are missing.
	Result   Savings
	Complete bool
}

// Savings says which way the money goes: the word (Einsparung or
// Mehrkosten) carries the sign, every number after it is positive – never
// "Mehrkosten 11.960 € (-10,0 %)" next to "-59.800 €".
type Savings struct {
	More            bool // the cooperation costs more
	YearLabel, Year string
	TermLabel, Term string
}

// FundingMet is said when the usual funding thresholds are met.
const FundingMet = "Die üblichen Förderschwellen (15 % pro Jahr, 5 Jahre) sind erreicht."

// NewSavings words the saving of a sheet over years.
func NewSavings(sh model.EfficiencySheet, years int) Savings {
	word := "Einsparung"
	var out Savings
	if sh.Savings < 0 {
		word, out.More = "Mehrkosten", true
	}
	out.YearLabel = word + " pro Jahr"
	out.Year = model.FormatEuro(math.Abs(sh.Savings))
	if sh.HasPercent {
		out.Year += " (" + model.FormatPercent(math.Abs(sh.SavingsPercent)) + ")"
	}
	termWord := "Einsparung"
	if sh.SavingsTerm < 0 {
		termWord = "Mehrkosten" // the term has its own sign (one-off costs)
	}
	out.TermLabel = termWord + " über " + Plural(years, "Jahr", "Jahre")
	out.Term = model.FormatEuro(math.Abs(sh.SavingsTerm))
	return out
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
	out.Years = Plural(e.Years, "Jahr", "Jahre")
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
	out.Result = NewSavings(sh, e.Years)
	out.Complete = sh.TotalNow != 0 && sh.TotalWith != 0
	if out.MeetsTarget {
		out.FundingMet = FundingMet
	}
	return out
}

// SavingsLine is the saving in one sentence, for summaries: "Einsparung
// pro Jahr: 38.000,00 € (13,6 %); Einsparung über 5 Jahre: 190.000,00 €."
func (e Efficiency) SavingsLine() string {
	if !e.Complete {
		return "Für die Einsparung fehlen noch Zahlen."
	}
	return e.Result.YearLabel + ": " + e.Result.Year + "; " + e.Result.TermLabel + ": " + e.Result.Term + "."
}
