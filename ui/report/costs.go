package report

import (
	_ "embed"
	"html/template"
	"math"
	"strings"

	"ikz/model"
	"ikz/ui/wording"
)

// The "Kostenverteilung" section (issue 15): who pays what under every
// key, the chosen key, the bars per partner, compensation and the
// assumptions. Self-contained: the view gets one field (Costs), the
// Markdown writer one call (m.costs) and the HTML template one
// {{template "costs" .Costs}}; the HTML lives in costs.html.tmpl.

//go:embed costs.html.tmpl
var costsSource string

func init() { template.Must(htmlTemplate.New("costs").Parse(strings.TrimSpace(costsSource))) }

// costsSection is the worded sheet plus the bar widths of the chart.
type costsSection struct {
	wording.Costs
	Chart   []costBar
	RefNote string // why the chart shows this key, as a sentence
	Taxed   bool   // VAT columns are shown
	TermCol string // "über 6 Jahre"
}

type costBar struct {
	wording.CostBar
	Width int    // percent of the track
	Cells string // the bar in text, for Markdown
}

// costsSectionFor words the session's cost-sharing sheet; nil without one.
func costsSectionFor(s *model.Session) *costsSection {
	if s.Costs == nil || len(s.Costs.Partners) == 0 {
		return nil
	}
	c := &costsSection{Costs: wording.NewCosts(*s.Costs), Taxed: s.Costs.TaxedYears() > 0,
		TermCol: "über " + wording.Plural(s.Costs.Years, "Jahr", "Jahre")}
	c.RefNote = upperFirst(c.RefReason)
	scale := wording.BarScale(c.Bars)
	for _, b := range c.Bars {
		cb := costBar{CostBar: b}
		if b.HasPct && scale > 0 {
			cb.Width = int(math.Round(math.Abs(b.Percent) / scale * 100))
			n := wording.BarCells(b.Percent, scale, barWidth)
			ch := "█"
			if b.Loses {
				ch = "▒"
			}
			cb.Cells = strings.Repeat(ch, n)
		}
		c.Chart = append(c.Chart, cb)
	}
	return c
}

func (m *mdWriter) costs(v view) {
	c := v.Costs
	if c == nil {
		return
	}
	m.line("## Kostenverteilung")
	m.line("")
	if c.Invalid != "" {
		m.f("> **Angaben unvollständig:** %s\n\n", mdCell(c.Invalid))
	}
	var rows [][]string
	for _, j := range c.Joint {
		rows = append(rows, []string{mdCell(j.Label), j.Value})
	}
	rows = append(rows, []string{"**Gemeinsame Kosten pro Jahr**", "**" + c.JointTotal + "**"})
	m.table([]string{"Kostenart", "pro Jahr"}, rows)
	m.f("**%s** %s\n\n", mdInline(c.AllSave), mdInline(c.Best))
	m.f("%s\n\n", mdInline(c.Chosen))

	if len(c.Chart) > 0 {
		m.f("### Einsparung je Partner – %s\n\n", mdInline(c.Reference))
		m.f("%s; in Prozent der eigenen Kosten heute; ▒ = Mehrkosten, ✓ = mindestens 15 %% im Jahr über mindestens 5 Jahre.\n\n", mdInline(c.RefNote))
		rows = nil
		for _, b := range c.Chart {
			mark := ""
			if b.Meets {
				mark = wording.CostMeetsMark
			}
			rows = append(rows, []string{mdCell(b.Name), "`" + b.Cells + "`", b.Value, mark})
		}
		m.table([]string{wording.CostColPartner, "", wording.CostColSaving, wording.CostColMeets}, rows)
	}

	m.line("### Schlüssel im Vergleich")
	m.line("")
	rows = nil
	for _, k := range c.Keys {
		label := mdCell(k.Label)
		if k.Chosen {
			label = "**" + label + "** (gewählt)"
		}
		rows = append(rows, []string{label, mdCell(k.Worst), mdCell(k.Summary)})
	}
	m.table([]string{"Schlüssel", "kleinste Einsparung", "Ergebnis"}, rows)

	for _, k := range c.Keys {
		if k.Unusable != "" {
			continue
		}
		m.f("### %s\n\n", mdInline(k.Label))
		head := []string{wording.CostColPartner, wording.CostColShare}
		if c.Taxed {
			head = append(head, wording.CostColVAT)
		}
		head = append(head, wording.CostColWith, wording.CostColToday, wording.CostColSaving, wording.CostColPercent, c.TermCol, wording.CostColMeets)
		rows = nil
		row := func(r wording.CostPartnerRow, sum bool) []string {
			out := []string{mdCell(r.Name), r.Share}
			if c.Taxed {
				out = append(out, r.VAT)
			}
			meets := wording.CostFailMark
			if r.Meets {
				meets = wording.CostMeetsMark
			}
			out = append(out, r.With, r.Today, r.Saving, r.Percent, r.Term)
			if sum {
				for i := range out {
					out[i] = "**" + out[i] + "**"
				}
				meets = ""
			}
			return append(out, meets)
		}
		for _, r := range k.Partners {
			rows = append(rows, row(r, false))
		}
		rows = append(rows, row(k.Sum, true))
		m.table(head, rows)
	}

	if c.CompText != "" {
		m.line("### Ausgleichszahlungen")
		m.line("")
		m.f("%s\n\n", mdInline(c.CompText))
		rows = nil
		for _, l := range c.Compensation {
			rows = append(rows, []string{mdCell(l.Label), l.Value})
		}
		m.table([]string{wording.CostColPartner, "pro Jahr (+ erhält, − zahlt)"}, rows)
	}

	m.line("### Annahmen")
	m.line("")
	for _, a := range c.Assumptions {
		m.f("- %s\n", mdInline(a))
	}
	m.line("")
	for _, h := range c.Hints {
		m.f("> ⚠ %s\n>\n", mdInline(h))
	}
	if len(c.Hints) > 0 {
		m.line("")
	}
	m.line("### Die Schlüssel")
	m.line("")
	for _, e := range c.Explain {
		m.f("- **%s**: %s\n", mdInline(e.Label), mdInline(strings.ReplaceAll(e.Value, "\n", " ")))
	}
	m.line("")
}

// paperCostSharing is the Kostenverteilung in the Entscheidungsvorlage:
// the chosen key, whether every partner saves, the compensation needed.
func paperCostSharing(c *costsSection) []string {
	if c == nil {
		return nil
	}
	out := []string{"Kostenverteilung – " + c.Chosen + ". " + c.AllSave}
	if c.CompText != "" {
		out = append(out, c.CompText)
	}
	return out
}

// upperFirst capitalises the first letter of a sentence fragment.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Markdown is the section alone, for `ikz kosten`.
func CostsMarkdown(s *model.Session) string {
	var b strings.Builder
	m := &mdWriter{w: &b}
	m.costs(view{Costs: costsSectionFor(s)})
	return b.String()
}
