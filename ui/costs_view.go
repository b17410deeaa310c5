package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"ikz/model"
	"ikz/ui/wording"
)

// View is cached: every change of state passes through Update or SetSize,
// which drop the frame.
func (t *costsTab) View() string {
	if t.frame == "" {
		t.frame = t.render()
	}
	return t.frame
}

func (t *costsTab) render() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	if t.table {
		head := st.Title.Render("Kostenverteilung je Schlüssel") + st.Faint.Render(truncate("  ↑/↓ blättern · esc zurück", max(t.w-29, 0)))
		return fit(head+"\n"+t.vp.View(), t.w, t.h)
	}
	words := wording.NewCostsBrief(t.preview())
	editing := t.ed.editing()
	lay := splitBox(t.w, t.h, len(t.ed.list.rows), editing)
	var left string
	switch {
	case editing && !lay.wide:
		// narrow: the editor takes the box, the verdict stays in sight
		return fit(t.ed.paneView(st, lay.listW)+"\n\n"+t.resultView(words, t.w, t.h), t.w, t.h)
	case editing:
		ev := t.ed.paneView(st, lay.listW)
		listH := max(t.h-lineCount(ev)-1, 1)
		left = fit(t.ed.list.view(st, lay.listW, listH, false), lay.listW, listH) + "\n" +
			st.Rule.Render(strings.Repeat("─", lay.listW)) + "\n" + ev
	case lay.wide:
		left = t.ed.list.view(st, lay.listW, t.h, true)
	default:
		left = t.ed.list.view(st, lay.listW, lay.listH, true)
	}
	return lay.join(st, left, t.resultView(words, lay.paneW, lay.paneH), t.w, t.h)
}

// resultView: the verdict, every key's smallest saving, the bars of the
// reference key, the best base share, the compensation and the hints.
func (t *costsTab) resultView(c wording.Costs, w, h int) string {
	st := t.d.styles
	if w <= 0 || h <= 0 {
		return ""
	}
	var lines []string
	addPara := func(style func(string) string, text string) {
		for _, l := range strings.Split(wrapText(text, w), "\n") {
			lines = append(lines, style(l))
		}
	}
	text := func(s string) string { return st.Text.Render(s) }
	if t.note != "" {
		addPara(func(s string) string { return st.Saved.Render(s) }, t.note)
	}
	if len(t.cs.Partners) == 0 {
		lines = append(lines, st.Title.Render("Kostenverteilung"))
		where := "oben"
		if t.w >= wideTab {
			where = "links"
		}
		addPara(text, "Wer zahlt was? Tragen Sie "+where+" die gemeinsamen Kosten ein und legen Sie die Partner an (a) – oder lesen Sie die Zahlen der Kämmerei als CSV ein (i). Hier erscheint dann für jeden Schlüssel, was jeder Partner zahlt und spart.")
		lines = append(lines, "")
		// The command on a line of its own: wrapping would break it at "-o".
		lines = append(lines, st.Faint.Render(truncate("Export für die Tabellenkalkulation:", w)), st.Faint.Render(truncate("  "+t.exportCommand(), w)))
		return fit(strings.Join(lines, "\n"), w, h)
	}
	if t.ownHidden() {
		p := t.cs.Partners[t.partner]
		lines = append(lines, st.Title.Render(truncate(model.SafeLine(p.Name)+": heute "+model.FormatEuro(p.TodayTotal())+" im Jahr", w)))
		addPara(text, "Die Moderation fragt verdeckt ab – Anteile und Einsparungen je Schlüssel erscheinen hier, sobald sie die verdeckte Abfrage beendet. Die Zahlen anderer Kommunen sehen Sie hier nie; Ihre sieht die Moderation.")
		return fit(strings.Join(lines, "\n"), w, h)
	}
	if t.partner >= 0 && t.partner < len(t.cs.Partners) {
		lines = append(lines, t.partnerResult(c, w)...)
		return fit(strings.Join(lines, "\n"), w, h)
	}
	lines = append(lines, st.Title.Render(truncate("Gemeinsame Kosten "+c.JointTotal+" im Jahr", w)))
	verdict := st.Good
	if !strings.HasPrefix(c.AllSave, "Alle") {
		verdict = st.Warn
	}
	addPara(func(s string) string { return verdict.Render(s) }, c.AllSave)
	lines = append(lines, "")
	lines = append(lines, t.keyTable(c, w)...)
	if len(c.Bars) > 0 {
		lines = append(lines, "", st.Title.Render(truncate("Einsparung je Partner – "+c.Reference, w)))
		addPara(func(s string) string { return st.Faint.Render(s) }, "("+c.RefReason+"; in % der eigenen Kosten heute, ✓ = 15 %/5 Jahre)")
		lines = append(lines, costBars(st, c.Bars, w, h-len(lines))...)
	}
	if c.Best != "" {
		lines = append(lines, "")
		addPara(text, c.Best+" (b übernimmt ihn)")
	}
	if c.CompText != "" {
		lines = append(lines, "")
		addPara(func(s string) string { return st.Warn.Render(s) }, c.CompText)
	}
	if c.Invalid != "" {
		lines = append(lines, "")
		addPara(func(s string) string { return st.Error.Render(s) }, "Bitte prüfen: "+c.Invalid)
	}
	for _, hint := range c.Hints {
		lines = append(lines, "", hintPara(st, hint, w))
	}
	lines = append(lines, "", st.Faint.Render(truncate("t: ganze Tabelle · Export: "+t.exportCommand(), w)))
	return fit(strings.Join(lines, "\n"), w, h)
}

// keyTable is one line per key: its smallest saving and whether all save.
func (t *costsTab) keyTable(c wording.Costs, w int) []string {
	st := t.d.styles
	lw := 0
	for _, k := range c.Keys {
		lw = max(lw, plainWidth(k.Label))
	}
	lw = min(lw, max(w/2, 12))
	out := []string{st.Muted.Render(truncate(padRight("Schlüssel", lw)+"   kleinste Einsparung", w))}
	for _, k := range c.Keys {
		mark, style := "✗", st.Error
		switch {
		case k.Unusable != "":
			mark, style = "–", st.Faint
		case k.AllSave:
			mark, style = "✓", st.Good
		}
		label := truncate(k.Label, lw)
		if k.Chosen {
			label = truncate(k.Label, lw-1) + "◆"
		}
		rest := k.Worst
		if k.Unusable != "" {
			rest = "fehlt: " + strings.TrimPrefix(strings.TrimSuffix(k.Unusable, " – bitte für die Partner eintragen"), "es fehlen die ")
		} else if !k.AllSave {
			rest = k.Worst + " · " + strings.TrimSuffix(strings.Replace(k.Summary, " Partner ", " ", 1), " als heute")
		}
		out = append(out, style.Render(mark)+" "+st.Text.Render(padRight(label, lw))+" "+st.Muted.Render(truncate(rest, max(w-lw-3, 0))))
	}
	if c.Chosen != "" {
		out = append(out, st.Faint.Render(truncate("◆ "+c.Chosen, w)))
	}
	return out
}

// costBars is the chart: one bar per partner, its length the saving in
// percent of today's own cost; a loss is drawn with ▒ (and in red), so
// it reads without colour too. ✓ marks the 15 %/5-year threshold.
func costBars(st *Styles, bars []wording.CostBar, w, rows int) []string {
	nameW := 0
	valW := 0
	for _, b := range bars {
		nameW = max(nameW, plainWidth(model.SafeLine(b.Name)))
		valW = max(valW, plainWidth(b.Value))
	}
	nameW = min(nameW, max(w/3, 8))
	barW := min(30, w-nameW-valW-5)
	scale := wording.BarScale(bars)
	// a chart has many lines: each style is rendered once and reused
	text, muted, gain, loss := inkOf(st.Text), inkOf(st.Muted), inkOf(st.BarDone), inkOf(st.Error)
	good := st.Good.Render("✓")
	out := make([]string, 0, min(len(bars), max(rows, 0)))
	for i, b := range bars {
		if i >= rows { // below the box: not drawn
			break
		}
		name := text.paint(padRight(truncate(model.SafeLine(b.Name), nameW), nameW))
		mark := " "
		if b.Meets {
			mark = good
		}
		if barW < 4 { // too narrow for a bar
			out = append(out, name+" "+mark+" "+muted.paint(truncate(b.Value, max(w-nameW-3, 0))))
			continue
		}
		n := 0
		if b.HasPct {
			n = wording.BarCells(b.Percent, scale, barW)
		}
		drawn := gain.paint(strings.Repeat("█", n))
		if b.Loses {
			drawn = loss.paint(strings.Repeat("▒", n))
		}
		out = append(out, name+" "+drawn+strings.Repeat(" ", barW-n)+" "+mark+" "+muted.paint(b.Value))
	}
	return out
}

// ink is a colour-only style as the escape codes before and after the
// text, so that a long chart does not run lipgloss once per cell.
type ink struct{ pre, post string }

func inkOf(s lipgloss.Style) ink {
	pre, post, ok := strings.Cut(s.Render("\x00"), "\x00")
	if !ok {
		return ink{}
	}
	return ink{pre, post}
}

func (k ink) paint(s string) string {
	if s == "" {
		return ""
	}
	return k.pre + s + k.post
}

// partnerResult is one partner under every key.
func (t *costsTab) partnerResult(c wording.Costs, w int) []string {
	st := t.d.styles
	p := t.cs.Partners[t.partner]
	sheet := t.preview().Sheet() // only this partner's rows are worded
	out := []string{st.Title.Render(truncate(model.SafeLine(p.Name)+": heute "+model.FormatEuro(p.TodayTotal())+" im Jahr", w))}
	lw := 0
	for _, k := range c.Keys {
		lw = max(lw, plainWidth(k.Label))
	}
	lw = min(lw, max(w-42, 10))
	out = append(out, st.Muted.Render(truncate(padRight("Schlüssel", lw)+" "+padLeft("Anteil", 14)+" "+padLeft("Einsparung", 15)+" "+padLeft("%", 10), w)))
	for _, k := range c.Keys {
		if k.Unusable != "" {
			out = append(out, st.Faint.Render(truncate(padRight(truncate(k.Label, lw), lw)+" "+wording.NoEntry, w)))
			continue
		}
		kr, _ := sheet.Key(k.Key)
		if t.partner >= len(kr.Partners) {
			continue
		}
		r := wording.PartnerRow(kr.Partners[t.partner])
		style := st.Text
		if r.Loses {
			style = st.Error
		}
		mark := " "
		if r.Meets {
			mark = st.Good.Render("✓")
		}
		out = append(out, truncate(st.Text.Render(padRight(truncate(k.Label, lw), lw))+" "+st.Text.Render(padLeft(r.Share, 14))+" "+
			style.Render(padLeft(r.Saving, 15))+" "+style.Render(padLeft(r.Percent, 10))+" "+mark, w))
	}
	out = append(out, "", st.Faint.Render(truncate("✓ = mindestens 15 % Einsparung im Jahr über mindestens 5 Jahre", w)))
	if p.TodayTotal() == 0 {
		out = append(out, "", para(st.Warn, "Ohne die eigenen Kosten von heute lässt sich keine Einsparung berechnen – bitte Personal-, Sach- und Vertragskosten eintragen.", w))
	}
	return out
}

// tableView is the full sheet: per key every partner's share, VAT, cost
// with the cooperation, cost today, saving per year and over the term.
func (t *costsTab) tableView(w int) string {
	st := t.d.styles
	c := wording.NewCosts(t.cs)
	var b strings.Builder
	line := func(s string) { b.WriteString(truncate(s, w) + "\n") }
	line(st.Title.Render("Gemeinsame Kosten pro Jahr"))
	for _, j := range c.Joint {
		line(st.Text.Render(padRight(truncate(j.Label, max(w-18, 10)), max(w-18, 10))) + padLeft(j.Value, 16))
	}
	line(st.Title.Render(padRight("Summe", max(w-18, 10)) + padLeft(c.JointTotal, 16)))
	for _, a := range c.Assumptions {
		for _, l := range strings.Split(wrapText("· "+a, w), "\n") {
			line(st.Faint.Render(l))
		}
	}
	taxed := t.cs.Sheet().TaxedYears > 0
	wide := w >= 120
	for _, k := range c.Keys {
		b.WriteString("\n")
		head := k.Label
		if k.Chosen {
			head += " (gewählt)"
		}
		line(st.Title.Render(head) + st.Muted.Render(" – "+k.Summary))
		if k.Unusable != "" {
			continue
		}
		cols := []string{wording.CostColShare, wording.CostColSaving, wording.CostColPercent, wording.CostColMeets}
		if wide {
			cols = []string{wording.CostColShare, wording.CostColWith, wording.CostColToday, wording.CostColSaving, wording.CostColPercent, wording.CostColTerm, wording.CostColMeets}
			if taxed {
				cols = append([]string{wording.CostColShare, wording.CostColVAT}, cols[1:]...)
			}
		}
		nameW := min(24, max(w-len(cols)*16, 10))
		row := func(name string, vals []string) string {
			s := padRight(truncate(model.SafeLine(name), nameW), nameW)
			for i, v := range vals {
				cw := 15
				if cols[i] == wording.CostColPercent {
					cw = 9
				}
				if cols[i] == wording.CostColMeets {
					cw = 10
				}
				s += " " + padLeft(v, cw)
			}
			return s
		}
		line(st.Muted.Render(row(wording.CostColPartner, cols)))
		pick := func(r wording.CostPartnerRow, sum bool) []string {
			meets := wording.CostFailMark
			if r.Meets {
				meets = wording.CostMeetsMark
			}
			if sum {
				meets = ""
			}
			m := map[string]string{wording.CostColShare: r.Share, wording.CostColVAT: r.VAT, wording.CostColWith: r.With, wording.CostColToday: r.Today,
				wording.CostColSaving: r.Saving, wording.CostColPercent: r.Percent, wording.CostColTerm: r.Term, wording.CostColMeets: meets}
			out := make([]string, len(cols))
			for i, c := range cols {
				out[i] = m[c]
			}
			return out
		}
		for _, r := range k.Partners {
			style := st.Text
			if r.Loses {
				style = st.Error
			}
			line(style.Render(row(r.Name, pick(r, false))))
		}
		line(st.Title.Render(row(k.Sum.Name, pick(k.Sum, true))))
	}
	if c.CompText != "" {
		b.WriteString("\n")
		line(st.Title.Render("Ausgleichszahlungen pro Jahr – " + c.Reference))
		for _, l := range c.Compensation {
			line(st.Text.Render(padRight(truncate(model.SafeLine(l.Label), 30), 30) + padLeft(l.Value, 16)))
		}
	}
	b.WriteString("\n")
	line(st.Title.Render("Die Schlüssel"))
	for _, e := range c.Explain {
		line(st.Text.Render(e.Label))
		for _, l := range strings.Split(e.Value, "\n") {
			for _, wl := range strings.Split(wrapText("  "+l, w), "\n") {
				line(st.Faint.Render(wl))
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// exportCommand is the command line that writes this session's cost sheet,
// with the session's real ID, ready to copy.
func (t *costsTab) exportCommand() string {
	id := "SITZUNG"
	if t.sess != nil && t.sess.ID != "" {
		id = model.SafeLine(t.sess.ID)
	}
	return "ikz kosten " + id + " -o kosten.csv"
}
