package wording

import (
	"fmt"
	"math"
	"strings"

	"ikz/model"
)

// Costs is the cost-sharing sheet ("Kostenverteilung", issue 15) in words
// and formatted numbers: the Kosten tab, the report and `ikz kosten` show
// these parts. Partner names are raw user text.
type Costs struct {
	Invalid      string     // the validation message; the figures are still shown
	Years        string     // "5 Jahre"
	Joint        []CostLine // the joint cost per year, part by part
	JointTotal   string
	Assumptions  []string // VAT, lead, drivers: what the figures rest on
	Keys         []CostKeyRow
	Best         string // the best base-fee share of the mixed key, in a sentence
	AllSave      string // which keys let every partner save, in a sentence
	Chosen       string // "Gewählter Schlüssel: …" or that none is chosen yet
	Reference    string // label of the key the bars and compensation show
	RefReason    string // why that key: chosen, or the best for the smallest partner
	Bars         []CostBar
	Compensation []CostLine // who receives (+) or pays (−) how much per year
	CompText     string     // the compensation in a sentence, "" when none is needed
	Hints        []string
	Explain      []CostLine // each key in two lines
}

// CostLine is a label with its value.
type CostLine struct{ Label, Value string }

// CostKeyRow is one key with every partner's figures.
type CostKeyRow struct {
	Key       model.CostKey
	Label     string // "Grundbetrag + Schülerzahl (37,5 %)"
	Chosen    bool
	Reference bool
	Unusable  string
	Worst     string // the smallest partner's saving, "8,4 %"
	Summary   string // "alle sparen" / "2 Partner zahlen mehr"
	AllSave   bool
	Partners  []CostPartnerRow
	Sum       CostPartnerRow // the column totals
}

// CostPartnerRow is one partner under one key, per year unless it says so.
type CostPartnerRow struct {
	Name, Share, VAT, With, Today, Saving, Percent, Term string
	Meets                                                bool // 15 % a year, 5 years
	Loses                                                bool // pays more than today
}

// CostBar is one partner's saving under the reference key, for a chart.
type CostBar struct {
	Name    string
	Percent float64 // saving in % of today's own cost
	HasPct  bool
	Value   string // "12,3 % · 23.456,00 €"
	Loses   bool
	Meets   bool
}

// NoJointCost stands where the verdict goes while the joint cost is 0.
const NoJointCost = "Noch keine gemeinsamen Kosten eingetragen – erst mit Personal, Sach- oder Einmalkosten der Kooperation lässt sich sagen, wer was zahlt."

// Column heads of the per-key table.
const (
	CostColPartner = "Partner"
	CostColShare   = "Anteil"
	CostColVAT     = "USt"
	CostColWith    = "Kosten mit Koop."
	CostColToday   = "heute"
	CostColSaving  = "Einsparung"
	CostColPercent = "%"
	CostColTerm    = "über Laufzeit"
	CostColMeets   = "15 %/5 J."
	CostMeetsMark  = "✓"
	CostFailMark   = "–"
)

// KeyLabel names a key in tables; the mixed key carries its base share.
func KeyLabel(c model.CostSharing, r model.KeyResult) string {
	l := r.Key.Label(c)
	if r.Key == model.KeyMixed && r.Unusable == "" {
		l += " (" + model.FormatPercent(r.BasePercent()) + ")"
	}
	return l
}

// NewCosts words a cost-sharing sheet.
func NewCosts(c model.CostSharing) Costs { return newCosts(c, true) }

// NewCostsBrief is NewCosts without every partner's row under every key
// (the Partners and Sum of Keys stay empty): what a screen that shows the
// comparison and the chart needs on every keystroke.
func NewCostsBrief(c model.CostSharing) Costs { return newCosts(c, false) }

func newCosts(c model.CostSharing, full bool) Costs {
	s := c.Sheet()
	out := Costs{Hints: s.Hints}
	if err := c.Validate(); err != nil {
		out.Invalid = err.Error()
	}
	out.Years = Plural(c.Years, "Jahr", "Jahre")
	j := s.Joint
	out.Joint = []CostLine{
		{fmt.Sprintf("Personal (%s VZÄ × %s)", model.FormatNumber(c.StaffFTE, 1), model.FormatEuro(c.StaffRate)), model.FormatCents(j.Staff)},
		{"Sachkosten", model.FormatCents(j.Material)},
		{fmt.Sprintf("Einmalkosten (%s verteilt auf %s)", model.FormatEuro(c.OneOff), out.Years), model.FormatCents(j.OneOffPerYear)},
		{fmt.Sprintf("Gemeinkosten (%s auf Personal und Sachkosten)", model.FormatPercent(c.OverheadPercent)), model.FormatCents(j.Overhead)},
	}
	out.JointTotal = model.FormatCents(j.Total)
	out.Assumptions = costAssumptions(c, s)
	for _, r := range s.Keys {
		out.Keys = append(out.Keys, keyRow(c, s, r, full))
	}
	if s.BestFound {
		if r, ok := s.Key(model.KeyMixed); ok && r.Unusable == "" {
			k := newBest(c, s)
			out.Best = k
		}
	} else {
		out.Best = "Den besten Grundbetrag gibt es erst, wenn die Partner ihre " + strings.TrimPrefix(c.MixedDriverKey().Label(c), "nach ") + " eingetragen haben."
	}
	out.AllSave = allSaveText(c, s)
	if s.Joint.Total == 0 && len(c.Partners) > 0 {
		// nothing to share yet: every key would look like a success
		out.AllSave = NoJointCost
		out.Best = ""
	}
	out.Chosen = "Gewählter Schlüssel: noch offen"
	if r, ok := s.Key(c.Chosen); ok {
		out.Chosen = "Gewählter Schlüssel: " + KeyLabel(c, r)
	}
	if ref, ok := s.Key(s.Reference); ok && ref.Unusable == "" {
		out.Reference = KeyLabel(c, ref)
		out.RefReason = "der Schlüssel, bei dem der schwächste Partner am meisten spart"
		if ref.Key == c.Chosen {
			out.RefReason = "der gewählte Schlüssel"
		}
		for _, p := range ref.Partners {
			b := CostBar{Name: p.Name, Percent: p.SavingPct, HasPct: p.HasPct, Loses: p.Saving < 0, Meets: p.MeetsFunding}
			b.Value = model.FormatCents(p.Saving)
			if p.HasPct {
				b.Value = model.FormatPercent(p.SavingPct) + " · " + b.Value
			}
			out.Bars = append(out.Bars, b)
		}
	}
	for _, p := range s.Compensation {
		v := model.FormatCents(p.Amount)
		if p.Amount > 0 {
			v = "+" + v
		}
		out.Compensation = append(out.Compensation, CostLine{p.Name, v})
	}
	if len(s.Compensation) > 0 {
		var get []string
		for _, p := range s.Compensation {
			if p.Amount > 0 {
				get = append(get, fmt.Sprintf("%s %s", p.Name, model.FormatCents(p.Amount)))
			}
		}
		out.CompText = fmt.Sprintf("Mit dem Schlüssel „%s“ zahlen nicht alle weniger als heute. Damit niemand draufzahlt, bräuchten im Jahr einen Ausgleich: %s – getragen von den übrigen Partnern im Verhältnis ihrer Einsparung (über %s: das %d-Fache).",
			out.Reference, List(get), out.Years, c.Years)
	}
	for _, k := range model.CostKeys {
		out.Explain = append(out.Explain, CostLine{k.Label(c), k.Explain(c)})
	}
	return out
}

func newBest(c model.CostSharing, s model.CostSheet) string {
	base := float64(s.BestBase) / 10
	r, _ := s.Key(model.KeyMixed)
	if c.MixedBase != nil && math.Round(*c.MixedBase*10) != float64(s.BestBase) {
		k := c // the table shows the entered share: compute the best once more
		k.MixedBase = &base
		r, _ = k.Sheet().Key(model.KeyMixed)
	}
	worst := smallest(r)
	text := fmt.Sprintf("Bester Grundbetrag: %s – dann spart der Partner mit der kleinsten Einsparung %s", model.FormatPercent(base), worst)
	if c.MixedBase != nil && math.Round(*c.MixedBase*10) != float64(s.BestBase) {
		text += fmt.Sprintf(" (eingetragen sind %s)", model.FormatPercent(*c.MixedBase))
	}
	return text + "."
}

// smallest is the smallest saving under r, worded.
func smallest(r model.KeyResult) string {
	var worst *model.PartnerCost
	for i, p := range r.Partners {
		if !p.HasPct {
			continue
		}
		if worst == nil || p.SavingPct < worst.SavingPct {
			worst = &r.Partners[i]
		}
	}
	if worst == nil {
		for i, p := range r.Partners {
			if worst == nil || p.Saving < worst.Saving {
				worst = &r.Partners[i]
			}
		}
		if worst == nil {
			return NoEntry
		}
		return model.FormatCents(worst.Saving) + " (" + worst.Name + ")"
	}
	return model.FormatPercent(worst.SavingPct) + " (" + worst.Name + ")"
}

func keyRow(c model.CostSharing, s model.CostSheet, r model.KeyResult, full bool) CostKeyRow {
	row := CostKeyRow{Key: r.Key, Label: KeyLabel(c, r), Chosen: r.Key == c.Chosen, Reference: r.Key == s.Reference, Unusable: r.Unusable, AllSave: r.AllSave}
	if r.Unusable != "" {
		row.Worst, row.Summary = NoEntry, "nicht anwendbar: "+r.Unusable
		return row
	}
	row.Worst = smallest(r)
	switch {
	case r.AllSave:
		row.Summary = "alle sparen"
	case r.Losers > 0:
		row.Summary = Plural(r.Losers, "Partner zahlt", "Partner zahlen") + " mehr als heute"
	default:
		row.Summary = "niemand zahlt mehr, nicht alle sparen"
	}
	if !full {
		return row
	}
	var sum model.PartnerCost
	for _, p := range r.Partners {
		row.Partners = append(row.Partners, partnerRow(p))
		sum.Share += p.Share
		sum.VAT += p.VAT
		sum.With += p.With
		sum.Today += p.Today
		sum.Saving += p.Saving
		sum.SavingTerm += p.SavingTerm
	}
	sum.Name = "Summe"
	if sum.Today > 0 {
		sum.HasPct, sum.SavingPct = true, float64(sum.Saving)/float64(sum.Today)*100
	}
	row.Sum = partnerRow(sum)
	row.Sum.Meets = false
	return row
}

// PartnerRow words one partner under one key.
func PartnerRow(p model.PartnerCost) CostPartnerRow { return partnerRow(p) }

func partnerRow(p model.PartnerCost) CostPartnerRow {
	r := CostPartnerRow{Name: p.Name, Share: model.FormatCents(p.Share), VAT: model.FormatCents(p.VAT), With: model.FormatCents(p.With),
		Today: model.FormatCents(p.Today), Saving: model.FormatCents(p.Saving), Percent: NoEntry, Term: model.FormatCents(p.SavingTerm),
		Meets: p.MeetsFunding, Loses: p.Saving < 0}
	if p.HasPct {
		r.Percent = model.FormatPercent(p.SavingPct)
	}
	return r
}

func allSaveText(c model.CostSharing, s model.CostSheet) string {
	if len(c.Partners) == 0 {
		return "Noch keine Partner eingetragen."
	}
	if len(s.AllSaveKeys) == 0 {
		return "Mit keinem Schlüssel sparen alle Partner."
	}
	var names []string
	for _, k := range s.AllSaveKeys {
		r, _ := s.Key(k)
		names = append(names, "„"+KeyLabel(c, r)+"“")
	}
	if len(names) == 1 {
		return "Alle Partner sparen nur mit dem Schlüssel " + names[0] + "."
	}
	return "Alle Partner sparen mit den Schlüsseln " + List(names) + "."
}

func costAssumptions(c model.CostSharing, s model.CostSheet) []string {
	var a []string
	a = append(a, "Laufzeit: "+Plural(c.Years, "Jahr", "Jahre")+startText(c))
	switch c.VAT {
	case model.VATAsk:
		a = append(a, "Umsatzsteuer (§ 2b UStG): noch offen – ohne Umsatzsteuer gerechnet; bitte mit der Kämmerei und dem Finanzamt klären")
	case model.VATYes:
		a = append(a, fmt.Sprintf("Umsatzsteuer (§ 2b UStG): 19 %% auf die Anteile in %d von %d Jahren", s.TaxedYears, c.Years))
	case model.VATNo:
		a = append(a, "Umsatzsteuer (§ 2b UStG): nicht steuerbar – Begründung festhalten")
	}
	if c.Lead == "" {
		a = append(a, "Leistung erbringt: eine gemeinsame Stelle (Zweckverband, Anstalt) – alle Partner zahlen Anteile")
	} else {
		a = append(a, "Leistung erbringt: "+c.Lead+" (federführend; trägt seinen Anteil selbst)")
	}
	a = append(a, "Jahreswerte in Euro; Anteile auf den Cent gerundet, zusammen ergeben sie genau die gemeinsamen Kosten (Verfahren des größten Rests).",
		"Einsparung = eigene Kosten heute − (Anteil + Umsatzsteuer + verbleibende eigene Kosten).",
		"Förderschwelle: mindestens 15 % Einsparung pro Jahr über mindestens 5 Jahre (übliche IKZ-Förderprogramme).")
	return a
}

func startText(c model.CostSharing) string {
	if c.StartYear == 0 {
		return ""
	}
	return fmt.Sprintf(" ab %d", c.StartYear)
}

// BarCells is the length of a saving bar of pct percent in a chart whose
// longest bar (scale percent) has w cells; at least one cell for any
// saving or loss, so that nothing looks like zero that is not.
func BarCells(pct, scale float64, w int) int {
	if scale <= 0 || w <= 0 || pct == 0 || math.IsNaN(pct) {
		return 0
	}
	n := int(math.Round(math.Abs(pct) / scale * float64(w)))
	return max(1, min(n, w))
}

// BarScale is the largest absolute saving in percent of the bars.
func BarScale(bars []CostBar) float64 {
	s := 0.0
	for _, b := range bars {
		if b.HasPct {
			s = max(s, math.Abs(b.Percent))
		}
	}
	return s
}
