package ui

import (
	"strconv"
	"strings"

	"ikz/model"
	"ikz/store"
	"ikz/ui/wording"
)

// comparisonText renders what changed between a snapshot and today in w
// cells: the recommendation, the ranking before and after as bars, the
// changed profile answers, the quick-check moves, the measures done or
// newly overdue, the decision and the evaluation answers.
func comparisonText(st *Styles, c model.Comparison, snap store.SnapshotInfo, w int) string {
	s := &section{st: st, w: w}
	s.para(st.Title, "Vergleich: "+snap.Label+" → heute")
	s.lines = append(s.lines, st.Muted.Render(truncate("Stand vom "+germanDate(snap.At)+" Uhr mit heute, "+germanDate(c.AfterAt)+" Uhr", w)))
	if !c.Changed() {
		s.para(st.Muted, wording.NothingSince)
	}

	s.title("Empfehlung")
	switch short := wording.TopShort(c); {
	case c.TopBefore == c.TopAfter && c.TieBefore == c.TieAfter && c.TopAfter == "":
		s.para(st.Muted, short)
	case c.TopBefore == c.TopAfter && c.TieBefore == c.TieAfter:
		s.para(st.Text, short)
	default:
		s.item("", st.Text, st.Text, short, "")
	}
	s.lines = append(s.lines, rankingLines(st, c.Ranking, w)...)

	if len(c.Profile) > 0 {
		s.title("Profil: " + wording.Plural(len(c.Profile), "Antwort geändert", "Antworten geändert"))
		for _, p := range c.Profile {
			s.item("• ", st.Accent, st.Text, p.Label+": "+p.FromLabel+" → "+p.ToLabel, "")
		}
	}
	if len(c.Quick) > 0 {
		s.title("Quick-Check: " + wording.Plural(len(c.Quick), "Punkt bewegt", "Punkte bewegt"))
		for _, q := range c.Quick {
			s.item(quickMoveMark(q.To)+" ", markStyle(st, quickMoveMark(q.To)), st.Text, q.FromLabel+" → "+q.ToLabel+" · "+phaseLabel(q.Phase, false)+": "+q.Text, "")
		}
	}
	if len(c.MeasuresDone)+len(c.MeasuresOverdue)+len(c.MeasuresAdded) > 0 {
		s.title("Maßnahmen")
		added, shown := map[string]bool{}, map[string]bool{}
		for _, m := range c.MeasuresAdded {
			added[m.ID] = true
		}
		isNew := func(m model.Measure) string {
			shown[m.ID] = true
			if added[m.ID] {
				return " – neu"
			}
			return ""
		}
		for _, m := range c.MeasuresDone {
			s.item("✓ erledigt: ", st.Good, st.Text, m.Title+isNew(m), "")
		}
		for _, m := range c.MeasuresOverdue {
			s.item(overdueMark+" überfällig geworden: ", st.Error, st.Text, m.Title+" (fällig "+model.GermanDate(m.Due)+")"+isNew(m), "")
		}
		for _, m := range c.MeasuresAdded {
			if !shown[m.ID] {
				s.item("+ neu: ", st.Accent, st.Text, m.Title+" (fällig "+model.GermanDate(m.Due)+")", "")
			}
		}
	}
	if c.DecisionChanged() {
		s.title("Entscheidung der Gruppe")
		s.item("vorher: ", st.Muted, st.Muted, decisionText(c.DecisionBefore), "")
		s.item("heute:  ", st.Muted, st.Text, decisionText(c.DecisionAfter), "")
	}
	evaluationLines(s, c)
	return s.String()
}

func decisionText(d *model.Decision) string {
	if d == nil {
		return "keine Entscheidung"
	}
	return coopName(d.Model) + " (" + shortDate(d.At) + ") – " + d.Reason
}

// quickMoveMark is the mark of the new status.
func quickMoveMark(s model.QuickStatus) string { return statusMark(s) }

// evaluationLines writes the H 4.3 answers of the latest review then and now.
func evaluationLines(s *section, c model.Comparison) {
	answered := false
	for _, e := range c.Evaluation {
		if e.Before != "" || e.After != "" {
			answered = true
		}
	}
	if !answered {
		return
	}
	st := s.st
	s.title("Bewertung (H 4.3)")
	first := true // the first question follows the heading directly
	for _, e := range c.Evaluation {
		if e.Before == "" && e.After == "" {
			continue
		}
		if !first {
			s.lines = append(s.lines, "")
		}
		first = false
		s.para(st.Muted, e.Question)
		if e.Before == e.After {
			s.item("  unverändert: ", st.Faint, st.Text, e.After, "")
			continue
		}
		s.item("  vorher: ", st.Faint, st.Muted, orDash(e.Before), "")
		s.item("  heute:  ", st.Faint, st.Text, orDash(e.After), "")
	}
}

// rankingLines draws every model with its bar before and today:
//
//	                   vorher               heute
//	Vereinb. deleg. 2. ██████░░  72    1. ████████░  85  ▲1
func rankingLines(st *Styles, ranks []model.RankChange, w int) []string {
	nameW := 0
	for _, r := range ranks {
		nameW = max(nameW, plainWidth(shortModel(r.Model)))
	}
	nameW = min(nameW, max(w/4, 8))
	const rankW, numW, moveW = 3, 4, 5
	barW := (w - nameW - 2*(rankW+numW+2) - moveW) / 2
	barW = max(min(barW, 24), 3)
	colW := rankW + barW + numW
	head := padRight("", nameW) + "  " + padRight("vorher", colW) + "  " + "heute"
	lines := []string{st.Muted.Render(truncate(head, w))}
	for _, r := range ranks {
		name := st.ItemTitle.Render(padRight(truncate(shortModel(r.Model), nameW), nameW))
		before := rankCell(st, r.BeforeRank, r.BeforeScore, r.BeforeExcluded, barW)
		after := rankCell(st, r.AfterRank, r.AfterScore, r.AfterExcluded, barW)
		lines = append(lines, name+"  "+before+"  "+after+"  "+moveText(st, r))
	}
	return lines
}

func shortModel(id model.ModelID) string {
	if m, ok := model.ModelByID(id); ok {
		return m.Short
	}
	return string(id)
}

// rankCell is "2. ██████░░  72", or the word "ausgeschlossen" in the same
// width (the rank of an excluded model says nothing).
func rankCell(st *Styles, rank, score int, excluded bool, barW int) string {
	w := 3 + barW + 4
	switch {
	case rank == 0:
		return st.Faint.Render(padRight("–", w))
	case excluded:
		return st.Faint.Render(padRight("–  ausgeschlossen", w))
	}
	full, empty := bar(score, 100, barW)
	return st.Text.Render(padRight(strconv.Itoa(rank)+".", 3)) + st.BarDone.Render(full) + st.BarTodo.Render(empty) + st.Text.Render(padLeft(strconv.Itoa(score), 4))
}

// moveText says how a model moved, in places only (the bars show the
// points): ▲ 2, ▼ 1, =, "neu"; nothing for a model excluded before or
// after, which had or has no place.
func moveText(st *Styles, r model.RankChange) string {
	switch m := wording.Move(r); {
	case r.BeforeRank == 0:
		return st.Accent.Render("neu")
	case strings.HasPrefix(m, "▲"):
		return st.Good.Render(m)
	case strings.HasPrefix(m, "▼"):
		return st.Warn.Render(m)
	default:
		return st.Faint.Render(m)
	}
}
