package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"ikz/model"
	"ikz/ui/wording"
)

// Markdown writes the report as GitHub-flavoured Markdown.
func Markdown(w io.Writer, d Data) error {
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw}
	m.report(buildView(d))
	if m.err != nil {
		return m.err
	}
	return bw.Flush()
}

// mdSpecial are the characters Markdown may read as markup or raw HTML
// inside a line; a backslash makes each of them literal (CommonMark §2.4).
var mdSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `#`, `\#`, `~`, `\~`,
)

// listMark and orderedMark match what would start a list or a setext
// heading at the beginning of a line.
var (
	listMark    = regexp.MustCompile(`^(\s*)([-+=])`)
	orderedMark = regexp.MustCompile(`^(\s*\d+)([.)])`)
)

// mdInline escapes user text for one line (newlines become spaces).
func mdInline(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", " ")), " ")
	return mdSpecial.Replace(s)
}

// mdCell escapes user text for a table cell: "|" and line breaks would end
// the cell or the table, so lines are joined with <br>.
func mdCell(s string) string {
	lines := splitLines(s)
	for i, l := range lines {
		lines[i] = mdInline(l)
	}
	if out := strings.Join(lines, "<br>"); out != "" {
		return out
	}
	return noEntry
}

// mdBlock escapes multi-line user text and prefixes every line (e.g. "> "
// for a quote); line breaks are kept as hard breaks.
func mdBlock(s, prefix string) string {
	lines := splitLines(s)
	for i, l := range lines {
		l = mdSpecial.Replace(strings.TrimSpace(l))
		l = listMark.ReplaceAllString(l, `$1\$2`)
		l = orderedMark.ReplaceAllString(l, `$1\$2`)
		if i < len(lines)-1 && l != "" && lines[i+1] != "" {
			l += `\` // hard line break
		}
		lines[i] = strings.TrimRight(prefix+l, " ")
	}
	return strings.Join(lines, "\n")
}

func splitLines(s string) []string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	s = strings.ReplaceAll(s, "\r", "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// mdWriter keeps the first write error so the report code stays readable.
type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) f(format string, a ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, a...)
	}
}

func (m *mdWriter) line(s string) { m.f("%s\n", s) }

// table writes a header and rows; cells must already be escaped.
func (m *mdWriter) table(header []string, rows [][]string) {
	m.line("| " + strings.Join(header, " | ") + " |")
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = "---"
	}
	m.line("| " + strings.Join(seps, " | ") + " |")
	for _, r := range rows {
		m.line("| " + strings.Join(r, " | ") + " |")
	}
	m.line("")
}

// check is the check note after an uncertain fact.
func check(f wording.Fact) string {
	if f.Check {
		return " *(" + wording.CheckNote + ")*"
	}
	return ""
}

func source(s string) string {
	if s == "" {
		return ""
	}
	return " (" + mdInline(wording.Source(s)) + ")"
}

const barWidth = 30

func textBar(score int) string {
	n := (score*barWidth + 50) / 100
	return strings.Repeat("█", n) + strings.Repeat("░", barWidth-n)
}

func (m *mdWriter) report(v view) {
	m.f("# %s: %s\n\n", paperTitle, mdInline(v.Title))
	m.f("*IKZ-Lotse · Bericht zur interkommunalen Zusammenarbeit in der Schul-IT. %s*\n\n", reportDisclaimer)
	m.paper(v)
	m.f("# %s\n\n", appendixTitle)
	m.profile(v)
	m.models(v)
	m.legal(v)
	m.governance(v)
	m.workshop(v)
	m.decisions(v)
	m.measures(v)
	m.efficiency(v)
	m.costs(v)
	// issue 15: the "Kostenverteilung" section goes here, after Wirtschaftlichkeit.
	m.phases(v)
	m.reviews(v)
	m.comparison(v)
	m.f("*Quellen: Handreichung interkommunale Zusammenarbeit in der Schul-IT (H), Steckbrief Stadt Schwerin (S).*\n")
}

// reasonBlock writes a titled list of reasons, or empty in their place.
func (m *mdWriter) reasonBlock(title string, rs []wording.Reason, empty string) {
	m.f("**%s**\n\n", title)
	if len(rs) == 0 {
		m.f("- %s\n", empty)
	}
	m.reasons(rs)
	m.line("")
}

func (m *mdWriter) reasons(rs []wording.Reason) {
	for _, r := range rs {
		m.f("- **%s** %s%s\n", r.PointsText, mdInline(r.Text), source(r.Source))
	}
}

func (m *mdWriter) paper(v view) {
	p := v.Paper
	m.line("## 1. Anlass und Beteiligte")
	m.line("")
	var rows [][]string
	for _, o := range p.Occasion {
		rows = append(rows, []string{o.Label, mdCell(o.Value)})
	}
	m.table([]string{"Angabe", "Wert"}, rows)

	m.line("## 2. Empfehlung und Entscheidung der Gruppe")
	m.line("")
	if v.Result.CityState != "" {
		m.f("> **Stadtstaat:** %s\n\n", mdInline(v.Result.CityState))
	}
	m.f("**%s**\n\n", mdInline(p.Headline))
	m.f("%s\n\n", mdInline(p.Decision))
	if p.DiffersNote != "" {
		m.f("> **%s**\n\n", mdInline(p.DiffersNote))
	}
	m.rankingTable(v.Result)

	m.f("## 3. Gründe")
	m.line("\n")
	if p.About == "" {
		m.line(wording.NoModel)
		m.line("")
	} else {
		m.f("Gründe für und gegen %s, %s:\n\n", mdInline(p.About), p.AboutWhy)
		m.reasonBlock("Dafür", p.Pros, wording.NoPros)
		m.reasonBlock("Dagegen", p.Cons, wording.NoCons)
	}

	m.line("## 4. Alternative und Kipppunkt")
	m.line("")
	m.line(mdInline(p.Alternative))
	m.line("")
	if p.Flip != "" {
		m.f("**%s:** %s\n\n", wording.FlipPoint, mdInline(p.Flip))
	}

	m.line("## 5. Annahmen: die Antworten der Gruppe")
	m.line("")
	m.f("%s (alle Fragen im Anhang):\n\n", assumptionsHeadIn)
	for _, a := range p.Assumptions {
		m.f("- %s: %s\n", mdInline(a.Label), mdInline(a.Answer))
	}
	if len(p.Assumptions) == 0 {
		m.line("Noch keine Frage beantwortet.")
	}
	m.line("")

	m.f("## 6. %s\n\n", mdInline(orDefault(p.LegalTitle, "Rechtsgrundlage")))
	m.legalLines(p.Legal)
	for _, w := range p.Warnings {
		m.f("- ⚠ %s\n", mdInline(w.Line()))
	}
	if len(p.Warnings) > 0 {
		m.line("")
	}

	m.line("## 7. Kosten und Einsparung")
	m.line("")
	for _, c := range p.Costs {
		m.f("- %s\n", mdInline(c))
	}
	m.line("")

	m.line("## 8. Offene Punkte")
	m.line("")
	for _, o := range p.Open {
		m.f("- %s\n", mdInline(o))
	}
	if len(p.Open) == 0 {
		m.line("- keine")
	}
	m.line("")

	m.line("## 9. Beschlussvorschlag")
	m.line("")
	m.f("*%s*\n\n", resolutionNote)
	m.line(resolutionIntro)
	m.line("")
	for i, r := range p.Resolution {
		m.f("%d. %s\n", i+1, mdInline(r))
	}
	m.line("")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (m *mdWriter) legalLines(lines []wording.LegalLine) {
	for _, l := range lines {
		label := ""
		if l.Label != "" {
			label = "**" + l.Label + ":** "
		}
		m.f("- %s%s%s\n", label, mdInline(l.Fact.Text), check(l.Fact))
	}
	m.line("")
}

// rankingTable is the ranking in one table: place, model, points; each
// column one unit.
func (m *mdWriter) rankingTable(r wording.Result) {
	if len(r.Rows) == 0 {
		return
	}
	var rows [][]string
	for _, row := range r.Rows {
		pts := row.ScoreText
		if row.Excluded {
			pts = wording.Excluded
		}
		name := mdCell(row.Name)
		if row.Top {
			name = "**" + name + "**"
		}
		if row.Marker != "" {
			name += " ⚠ " + row.Marker
		}
		rows = append(rows, []string{row.PlaceText, name, pts})
	}
	m.table([]string{"Platz", "Modell", wording.ScaleShort}, rows)
	m.f("*%s*\n\n", wording.ScaleNote)
}

func (m *mdWriter) profile(v view) {
	m.line("## Profil: alle Antworten")
	m.line("")
	var rows [][]string
	for _, a := range v.Profile {
		ans := mdCell(a.Answer)
		if a.Status != "" {
			if a.Answer == "" {
				ans = "*" + a.Status + "*"
			} else {
				ans += " *(" + a.Status + ")*"
			}
		}
		rows = append(rows, []string{mdCell(a.Label), ans})
	}
	m.table([]string{"Frage", "Antwort"}, rows)
}

func (m *mdWriter) models(v view) {
	r := v.Result
	m.line("## Alle Modelle: Punkte, Gründe dafür und dagegen")
	m.line("")
	if len(r.Rows) > 0 {
		width := 0
		for _, b := range r.Rows {
			width = max(width, utf8.RuneCountInString(b.Name))
		}
		m.line("```text")
		for _, b := range r.Rows {
			mark := "  "
			if b.Top {
				mark = "▶ "
			}
			if b.Excluded {
				m.f("%s%-*s %s  %s\n", mark, width, b.Name, strings.Repeat("·", barWidth), wording.Excluded)
				continue
			}
			m.f("%s%-*s %s %3d\n", mark, width, b.Name, textBar(b.Score), b.Score)
		}
		m.line("```")
		m.line("")
	}
	for _, d := range r.Details {
		if d.Excluded {
			m.f("### %s – %s\n\n", mdInline(d.Name), wording.Excluded)
			m.f("Grund: %s%s\n\n", mdInline(d.Exclusion), source(d.ExclusionSource))
		} else {
			m.f("### %s %s – %s Punkte\n\n", d.PlaceText, mdInline(d.Name), d.ScoreText)
		}
		if len(d.Pros) > 0 {
			m.reasonBlock("Dafür", d.Pros, "")
		}
		if len(d.Cons) > 0 {
			m.reasonBlock("Dagegen", d.Cons, "")
		}
		if len(d.Pros)+len(d.Cons) == 0 {
			m.line("Keine Punkte aus den bisherigen Antworten.")
			m.line("")
		}
		for _, w := range d.Warnings {
			m.f("- ⚠ %s\n", mdInline(w.Line()))
		}
		if len(d.Warnings) > 0 {
			m.line("")
		}
	}
	if len(r.Unanswered) > 0 {
		m.f("**%s** Offen: %s.\n\n", r.OpenNote, mdInline(strings.Join(r.Unanswered, ", ")))
	}
	if len(r.Ignored) > 0 {
		m.f("**Nicht gewertet (Frage entfällt):** %s\n\n", mdInline(strings.Join(r.Ignored, ", ")))
	}
	if len(r.Contradictions) > 0 {
		m.f("**%s:**\n\n", wording.ContradictionsTitle)
		for _, c := range r.Contradictions {
			m.f("- ⚠ %s\n", mdInline(c.Line()))
		}
		m.line("")
	}
}

func (m *mdWriter) legal(v view) {
	l := v.Result.Legal
	if l == nil {
		m.line("## Rechtsgrundlage")
		m.line("")
		m.line(wording.NoLandNote)
		m.line("")
		return
	}
	m.f("## %s\n\n", mdInline(l.Title))
	m.f("%s%s\n\n", mdInline(l.Law.Text), check(l.Law))
	m.f("%s: %s\n\n", wording.ModelName(model.Informell), wording.InformalLaw)
	if len(l.Forms) == 0 {
		return
	}
	var rows [][]string
	cell := func(f wording.Fact) string {
		if f.Text == "" {
			return noEntry
		}
		return mdCell(f.Text) + check(f)
	}
	for _, f := range l.Forms {
		name, para := wording.NoForm, cell(f.Paras)
		if f.Available {
			name = mdCell(f.Name)
		}
		rows = append(rows, []string{mdCell(f.ModelName), name, para, cell(f.Approval), cell(f.Note)})
	}
	m.table([]string{"Modell", wording.LabelForm, "Rechtsgrundlage", wording.LabelApproval, wording.LabelNote}, rows)
}

func (m *mdWriter) governance(v view) {
	c := v.Chosen
	if c == nil || (c.Governance == nil && len(c.Checklist) == 0) {
		return
	}
	m.f("## Steuerung und Prüfliste: %s\n\n", mdInline(c.Name))
	m.f("Für %s.\n\n", v.ChosenWhy)
	if g := c.Governance; g != nil {
		m.f("### Steuerung: %s\n\n", mdInline(g.Title))
		for _, b := range g.Bodies {
			m.f("- %s\n", mdInline(b))
		}
		if g.Source != "" {
			m.f("\n*%s*\n", mdInline(wording.Source(g.Source)))
		}
		m.line("")
	}
	if len(c.Checklist) > 0 {
		m.line("### Prüfliste")
		m.line("")
		m.line("Vor einer verbindlichen Entscheidung zu klären; der Stand jedes Punkts ist „offen“, bis die Verwaltung ihn geklärt hat.")
		m.line("")
		var rows [][]string
		for _, it := range c.Checklist {
			rows = append(rows, []string{mdCell(it.Text), "offen", mdCell(it.Source)})
		}
		m.table([]string{"Punkt", "Stand", "Quelle"}, rows)
	}
}

// mdNames escapes a list of participant names for one line.
func mdNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = mdInline(n)
	}
	return strings.Join(out, ", ")
}

// agreementTable writes profile questions or quick-check items with their
// agreement, the joint answer and the spread (one group per line).
func (m *mdWriter) agreementTable(t wording.AgreementTable) {
	var out [][]string
	for _, r := range t.Rows {
		agreed := "*" + wording.NoJointAnswer + "*"
		if r.Agreed != "" {
			agreed = mdCell(r.Agreed)
			if r.Reason != "" {
				agreed += "<br>Begründung: " + mdInline(r.Reason)
			}
		}
		var spread []string
		for _, g := range r.Groups {
			spread = append(spread, fmt.Sprintf("%d× %s (%s)", g.Count, mdInline(g.Answer), mdNames(g.Names)))
		}
		if len(r.Missing) > 0 {
			spread = append(spread, "ohne Antwort: "+mdNames(r.Missing))
		}
		if r.NoneAnswered {
			spread = append(spread, wording.NoneAnswered)
		}
		for _, c := range r.Comments {
			spread = append(spread, "Kommentar "+mdInline(c))
		}
		out = append(out, []string{mdCell(r.Label), r.Mark, agreed, strings.Join(spread, "<br>")})
	}
	m.table([]string{t.Head, t.Level, t.Agreed, t.Spread}, out)
}

func (m *mdWriter) workshop(v view) {
	w := v.Workshop
	if w == nil {
		return
	}
	m.line("## Workshop: Antworten der Kommunen")
	m.line("")
	if !w.Answered {
		m.line("Noch hat keine Kommune eigene Antworten gegeben.")
		m.line("")
		return
	}
	m.line(w.Intro)
	m.line("")
	m.line(w.Legend)
	m.line("")
	m.f("### Profil (%s)\n\n", w.Disputed)
	m.agreementTable(w.Keys)
	m.f("### %s der Kommunen\n\n", wording.QuickCheck)
	if len(w.Quick.Rows) == 0 {
		m.f("Noch hat keine Kommune einen %s bewertet.\n\n", wording.QuickCheckItem)
	} else {
		m.agreementTable(w.Quick)
	}
	m.line("### Rangfolgen nebeneinander")
	m.line("")
	var rows [][]string
	for _, r := range w.Rankings {
		name := mdCell(r.Name)
		if r.Joint {
			name = "**" + name + "**"
		}
		var top []string
		for _, p := range r.Top {
			top = append(top, fmt.Sprintf("%d. %s %d", p.Place, mdInline(p.Name), p.Score))
		}
		best := strings.Join(top, " · ")
		if best == "" {
			best = "kein Modell kommt in Frage"
		}
		rows = append(rows, []string{name, best, fmt.Sprint(r.Open)})
	}
	m.table([]string{"Kommune", "Beste drei Modelle (Punkte)", "Offene Fragen"}, rows)
	m.line(w.Note)
	m.line("")
}

func (m *mdWriter) decisions(v view) {
	m.line("## Entscheidungen der Gruppe")
	m.line("")
	if len(v.Decision.History) == 0 {
		m.line(wording.NoDecision)
		m.line("")
		return
	}
	var rows [][]string
	for _, d := range v.Decision.History {
		status, model := d.Status, mdCell(d.Model)
		switch {
		case d.Current:
			status = "**" + wording.StatusCurrent + "**"
		case d.Void:
			model = "~~" + model + "~~"
		}
		rows = append(rows, []string{d.Date, mdCell(d.Body), model, mdCell(d.Reason), mdCell(d.Computed), status})
	}
	m.table([]string{"Datum", "Gremium", "Gewähltes Modell", "Begründung", "Damals berechnet", "Status"}, rows)
}

func (m *mdWriter) measures(v view) {
	m.line("## Maßnahmen")
	m.line("")
	if len(v.Measures) == 0 {
		m.line("Noch keine Maßnahmen erfasst.")
		m.line("")
		return
	}
	if v.OverdueCount > 0 {
		m.f("**%d überfällig.**\n\n", v.OverdueCount)
	}
	var rows [][]string
	for _, x := range v.Measures {
		status := mdCell(x.Status)
		if x.Overdue {
			status += " – **überfällig**"
		}
		rows = append(rows, []string{mdCell(x.Title), mdCell(x.Responsible), mdCell(x.Indicator), mdCell(x.Due), status, mdCell(x.Phase)})
	}
	m.table([]string{"Maßnahme", "Verantwortlich", "Indikator", "Fällig", "Status", "Phase"}, rows)
}

func (m *mdWriter) efficiency(v view) {
	m.line("## Wirtschaftlichkeit")
	m.line("")
	e := v.Efficiency
	if e == nil {
		m.line(noCosts)
		m.line("")
		return
	}
	if e.Invalid != "" {
		m.f("> **Angaben unvollständig:** %s\n\n", mdCell(e.Invalid))
	}
	var rows [][]string
	for _, r := range e.Rows {
		rows = append(rows, []string{mdCell(r.Label), r.Now, r.With, r.Diff})
	}
	rows = append(rows, []string{"**" + e.Total.Label + "**", "**" + e.Total.Now + "**", "**" + e.Total.With + "**", "**" + e.Total.Diff + "**"})
	m.table([]string{wording.CostHead, wording.CostNow, wording.CostWith, wording.CostDiff}, rows)
	m.f("- %s\n", mdInline(e.SavingsLine()))
	if e.Staff != "" {
		m.f("- Personal: %s\n", e.Staff)
	}
	m.line("")
	if len(e.Hints) > 0 {
		var hints []string
		for _, h := range e.Hints {
			hints = append(hints, "> ⚠ "+mdInline(h))
		}
		m.line(strings.Join(hints, "\n>\n"))
		m.line("")
	}
	if e.FundingMet != "" {
		m.f("✓ %s\n\n", mdInline(e.FundingMet))
	}
	m.f("%s\n\n", mdInline(e.Context))
}

func (m *mdWriter) phases(v view) {
	m.f("## %s\n\n", wording.QuickCheck)
	for _, p := range v.Phases {
		m.f("### %s (%s)\n\n", mdInline(p.Title), mdInline(p.Source))
		m.f("%s\n\n", p.Progress)
		var rows [][]string
		for _, q := range p.Quick {
			status := q.Status
			if q.Done {
				status = "✔ " + status
			}
			rows = append(rows, []string{mdCell(q.Text), status, mdCell(q.Note)})
		}
		m.table([]string{wording.QuickCheckItem, "Status", "Notiz"}, rows)
	}
	m.line("## Notizen zu den Leitfragen")
	m.line("")
	for _, p := range v.Phases {
		m.f("### %s\n\n", mdInline(p.Title))
		for _, g := range p.Groups {
			m.f("#### %s (%s)\n\n", mdInline(g.Title), mdInline(g.Source))
			for _, q := range g.Questions {
				m.f("**%s**\n\n", mdInline(q.Text))
				if q.Note == "" {
					m.line("*noch keine Notiz*")
				} else {
					m.line(mdBlock(q.Note, "> "))
				}
				m.line("")
			}
		}
	}
	if len(v.Retired) > 0 {
		m.line("### Nicht mehr im Katalog")
		m.line("")
		var rows [][]string
		for _, r := range v.Retired {
			rows = append(rows, []string{mdCell(r.ID), mdCell(r.Kind), mdCell(r.Value), mdCell(r.Reason)})
		}
		m.table([]string{"Frühere Frage", "Art", "Antwort", "Grund"}, rows)
	}
}

func (m *mdWriter) reviews(v view) {
	m.line("## Reviews")
	m.line("")
	if len(v.Reviews) == 0 && len(v.History) == 0 {
		m.line("Noch kein Review durchgeführt.")
		m.line("")
		return
	}
	for _, r := range v.Reviews {
		m.f("### Review am %s\n\n", r.Date)
		if r.Participants != "" {
			m.f("Teilnehmende: %s\n\n", mdInline(r.Participants))
		}
		if r.Snapshot != "" {
			m.f("Gespeicherter Stand: %s\n\n", mdInline(r.Snapshot))
		}
		var rows [][]string
		for _, a := range r.Answers {
			rows = append(rows, []string{mdCell(a.Question), mdCell(a.Answer)})
		}
		m.table([]string{"Bewertungsfrage (H 4.3)", "Antwort"}, rows)
	}
	if len(v.History) > 0 {
		m.line("### Gespeicherte Stände")
		m.line("")
		var rows [][]string
		for _, h := range v.History {
			rows = append(rows, []string{h.Date, mdCell(h.Label), mdCell(h.Top), h.Progress})
		}
		m.table([]string{"Datum", "Bezeichnung", "Empfehlung damals", wording.QuickCheck + " erledigt"}, rows)
	}
}

func (m *mdWriter) comparison(v view) {
	c := v.Comparison
	if c == nil {
		return
	}
	m.f("## Vergleich: %s → %s\n\n", mdInline(c.From), mdInline(c.To))
	if c.Unchanged {
		m.line(wording.NothingChanged)
		m.line("")
	}
	if c.TopMoved {
		m.f("**%s**\n\n", mdInline(c.TopLine))
	} else {
		m.f("%s\n\n", mdInline(c.TopLine))
	}
	if len(c.Ranking) > 0 {
		var rows [][]string
		for _, r := range c.Ranking {
			rows = append(rows, []string{mdCell(r.Name), r.BeforeText, r.AfterText, r.BeforePlace, r.AfterPlace, orDefault(r.Move, noEntry)})
		}
		m.table([]string{"Modell", wording.ColPointsBefore, wording.ColPointsAfter, wording.ColPlaceBefore, wording.ColPlaceAfter, wording.ColMove}, rows)
	}
	if c.Decision != "" {
		m.f("**%s:** %s\n\n", wording.GroupDecision, mdInline(c.Decision))
	}
	changes := func(title, col string, rows []wording.Change) {
		if len(rows) == 0 {
			return
		}
		m.f("### %s\n\n", title)
		var out [][]string
		for _, r := range rows {
			out = append(out, []string{mdCell(r.Label), mdCell(r.From), mdCell(r.To)})
		}
		m.table([]string{col, "vorher", "jetzt"}, out)
	}
	changes("Geänderte Profilantworten", "Frage", c.Profile)
	changes(wording.QuickCheck, wording.QuickCheckItem, c.Quick)
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		m.f("**%s:**\n\n", title)
		for _, it := range items {
			m.f("- %s\n", mdInline(it))
		}
		m.line("")
	}
	list("Seitdem erledigte Maßnahmen", c.Done)
	list("Seitdem überfällig", c.Overdue)
	list("Neue Maßnahmen", c.Added)
	if len(c.Evaluation) > 0 {
		m.line("### Bewertung (H 4.3)")
		m.line("")
		var rows [][]string
		for _, e := range c.Evaluation {
			rows = append(rows, []string{mdCell(e.Question), mdCell(e.Before), mdCell(e.After)})
		}
		m.table([]string{"Frage", "letztes Review damals", "letztes Review jetzt"}, rows)
	}
}
