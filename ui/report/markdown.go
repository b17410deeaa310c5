package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
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

func check(f fact) string {
	if f.Check {
		return " *(bitte mit der Rechtsaufsicht prüfen)*"
	}
	return ""
}

func source(s string) string {
	if s == "" {
		return ""
	}
	return " (" + mdInline(s) + ")"
}

const barWidth = 30

func textBar(score int) string {
	n := (score*barWidth + 50) / 100
	return strings.Repeat("█", n) + strings.Repeat("░", barWidth-n)
}

func (m *mdWriter) report(v view) {
	m.f("# Bericht: %s\n\n", mdInline(v.Title))
	m.table([]string{"Angabe", "Wert"}, [][]string{
		{"Schulträger", mdCell(v.Traeger)},
		{"Bundesland", mdCell(v.Land)},
		{"Beteiligte Kommunen", mdCell(v.Municipalities)},
		{"Teilnehmende (Workshop)", mdCell(v.Participants)},
		{"Angelegt", v.Created},
		{"Zuletzt geändert", v.Updated},
		{"Bericht erstellt", v.Generated},
		{"Katalogversion", fmt.Sprint(v.Catalogue)},
	})
	m.line("*Erstellt mit IKZ-Lotse. Die Empfehlung ist eine Orientierungshilfe, keine Rechtsberatung.*")
	m.line("")
	m.recommendation(v)
	m.workshop(v)
	m.decisions(v)
	m.measures(v)
	m.efficiency(v)
	m.phases(v)
	m.reviews(v)
	m.comparison(v)
}

func (m *mdWriter) recommendation(v view) {
	m.line("## Empfehlung")
	m.line("")
	if v.CityState != "" {
		m.f("> **Stadtstaat:** %s\n\n", mdInline(v.CityState))
	}
	if v.Top != "" {
		m.f("Am besten passt: **%s**.", mdInline(v.Top))
	} else {
		m.f("Kein Modell kommt nach den bisherigen Antworten in Frage.")
	}
	if v.Decision != nil {
		m.f(" Entschieden hat die Gruppe am %s: **%s**.", v.Decision.Date, mdInline(v.Decision.Model))
	}
	m.line("\n")
	if len(v.Bars) > 0 {
		width := 0
		for _, b := range v.Bars {
			width = max(width, utf8.RuneCountInString(b.Name))
		}
		m.line("```text")
		for _, b := range v.Bars {
			mark := "  "
			if b.Top {
				mark = "▶ "
			}
			if b.Excluded {
				m.f("%s%-*s %s  ausgeschlossen\n", mark, width, b.Name, strings.Repeat("·", barWidth))
				continue
			}
			m.f("%s%-*s %s %3d\n", mark, width, b.Name, textBar(b.Score), b.Score)
		}
		m.line("```")
		m.line("")
	}
	if len(v.Pros)+len(v.Cons) > 0 {
		m.f("### Gründe für %s\n\n", mdInline(v.Top))
		for _, r := range v.Pros {
			m.f("- **+%d** %s%s\n", r.Points, mdInline(r.Text), source(r.Source))
		}
		for _, r := range v.Cons {
			m.f("- **%d** %s%s\n", r.Points, mdInline(r.Text), source(r.Source))
		}
		m.line("")
	}
	for _, f := range v.Flags {
		m.f("- ⚠ %s%s – bitte prüfen\n", mdInline(f.Text), source(f.Source))
	}
	if len(v.Flags) > 0 {
		m.line("")
	}
	if len(v.Excluded) > 0 {
		m.line("**Ausgeschlossen:**")
		m.line("")
		for _, e := range v.Excluded {
			m.f("- %s: %s%s\n", mdInline(e.Name), mdInline(e.Reason), source(e.Source))
		}
		m.line("")
	}
	if len(v.Unanswered) > 0 {
		m.f("**Noch offen (neutral gewertet):** %s\n\n", mdInline(strings.Join(v.Unanswered, ", ")))
	}
	if v.Flip != "" {
		m.f("**Kipppunkt:** %s\n\n", mdInline(v.Flip))
	}
	m.legal(v)
}

func (m *mdWriter) legal(v view) {
	if v.Legal != nil {
		l := v.Legal
		m.f("### Rechtsgrundlage in %s\n\n", mdInline(l.Land))
		m.f("%s%s\n\n", mdInline(l.Law.Text), check(l.Law))
		if len(l.Forms) > 0 {
			var rows [][]string
			for _, f := range l.Forms {
				name, para := "gibt es im Land nicht", noEntry
				if f.Available {
					name = mdCell(f.Name)
					para = mdCell(f.Paragraphs.Text) + check(f.Paragraphs)
				}
				var notes []string
				for _, n := range f.Notes {
					notes = append(notes, mdCell(n.Text)+check(n))
				}
				note := strings.Join(notes, "<br>")
				if note == "" {
					note = noEntry
				}
				rows = append(rows, []string{mdCell(f.Model), name, para, note})
			}
			m.table([]string{"Modell", "Form im Land", "Rechtsgrundlage", "Hinweis"}, rows)
		}
		if l.Approval.Text != "" {
			m.f("**Genehmigung oder Anzeige:** %s%s\n\n", mdInline(l.Approval.Text), check(l.Approval))
		}
	}
	if len(v.Checklist.Items) > 0 {
		m.f("### Prüfliste: %s\n\n", mdInline(v.Checklist.Model))
		m.f("Vor einer verbindlichen Entscheidung zu klären, für %s:\n\n", v.Checklist.Why)
		for _, c := range v.Checklist.Items {
			m.f("- [ ] %s%s\n", mdInline(c.Text), source(c.Source))
		}
		m.line("")
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
func (m *mdWriter) agreementTable(t agreementTable) {
	var out [][]string
	for _, r := range t.Rows {
		agreed := "*" + noJointAnswer + "*"
		if r.Agreed != "" {
			agreed = mdCell(r.Agreed)
		}
		var spread []string
		for _, g := range r.Groups {
			spread = append(spread, fmt.Sprintf("%d× %s (%s)", g.Count, mdInline(g.Answer), mdNames(g.Names)))
		}
		if len(r.Missing) > 0 {
			spread = append(spread, "ohne Antwort: "+mdNames(r.Missing))
		}
		if r.NoneAnswered {
			spread = append(spread, noneAnswered)
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
	m.line("### Quick Check der Kommunen")
	m.line("")
	if len(w.Quick.Rows) == 0 {
		m.line("Noch hat keine Kommune einen Erfolgsfaktor bewertet.")
		m.line("")
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
	m.line("## Entscheidungen")
	m.line("")
	if len(v.Decisions) == 0 {
		m.line("Noch keine Entscheidung festgehalten.")
		m.line("")
		return
	}
	var rows [][]string
	for _, d := range v.Decisions {
		status := d.Status
		if d.Current {
			status = "**gilt**"
		}
		rows = append(rows, []string{d.Date, mdCell(d.Model), mdCell(d.Reason), mdCell(d.Computed), status})
	}
	m.table([]string{"Datum", "Gewähltes Modell", "Begründung", "Damals berechnet", "Status"}, rows)
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
		m.line("Noch keine Zahlen erfasst.")
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
	m.table([]string{"Kostenart (pro Jahr)", "heute", "mit Kooperation", "Differenz"}, rows)
	m.f("- Einsparung pro Jahr: **%s** (%s)\n", e.Savings, e.Percent)
	m.f("- Laufzeit: %s · Einsparung über die Laufzeit: %s\n", e.Years, e.Term)
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
	m.f("%s\n\n", mdInline(e.Context))
}

func (m *mdWriter) phases(v view) {
	m.line("## Quick Check")
	m.line("")
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
		m.table([]string{"Erfolgsfaktor", "Status", "Notiz"}, rows)
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
		m.table([]string{"Datum", "Bezeichnung", "Empfehlung damals", "Quick Check erledigt"}, rows)
	}
}

func (m *mdWriter) comparison(v view) {
	c := v.Comparison
	if c == nil {
		return
	}
	m.f("## Vergleich: %s → %s\n\n", mdInline(c.From), mdInline(c.To))
	if c.Unchanged {
		m.line("Seitdem hat sich nichts geändert.")
		m.line("")
	}
	if c.TopMoved {
		m.f("**Die Empfehlung hat gewechselt:** %s → %s\n\n", mdInline(c.TopBefore), mdInline(c.TopAfter))
	} else {
		m.f("Die Empfehlung ist gleich geblieben: %s.\n\n", mdInline(c.TopAfter))
	}
	if len(c.Ranking) > 0 {
		var rows [][]string
		for _, r := range c.Ranking {
			rank := fmt.Sprintf("%d → %d", r.BeforeRank, r.AfterRank)
			if r.BeforeRank == 0 {
				rank = fmt.Sprintf("neu → %d", r.AfterRank)
			}
			rows = append(rows, []string{mdCell(r.Name), r.BeforeText, r.AfterText, rank, r.Move})
		}
		m.table([]string{"Modell", "vorher", "jetzt", "Rang", "Bewegung"}, rows)
	}
	if c.DecisionChanged {
		m.f("**Entscheidung:** %s → %s\n\n", mdInline(c.DecisionBefore), mdInline(c.DecisionAfter))
	}
	changes := func(title, col string, rows []changeRow) {
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
	changes("Quick Check", "Erfolgsfaktor", c.Quick)
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
