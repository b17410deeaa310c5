package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"ikz/model"
)

// rankingsTable shows every municipality's ranking, one municipality per
// row (transposed, so 15 and more fit): its first place with the model's
// full name and the points, then the second place. Below, how many
// municipalities have which model on top. Rows that do not fit scroll
// (*offset, clamped here).
func (t *workshopTab) rankingsTable(st *Styles, w, h int, offset *int) []string {
	cols := t.cons.Rankings
	nameW := len("Kommune")
	fullW := 0
	for _, c := range cols {
		nameW = max(nameW, plainWidth(model.SafeLine(c.Name)))
	}
	for _, m := range model.Models {
		fullW = max(fullW, plainWidth(m.Name))
	}
	nameW = min(nameW, max(w/4, 12))
	firstW := min(fullW+7, max(w-nameW-2, 12)) // "1. ", name, space, up to 3 digits
	secondW := max(w-nameW-2-firstW-2, 0)
	if secondW < len("2. Vereinb. mand. 100") {
		secondW = 0 // the second place only where it can be read
	}

	row := func(name string, c model.RankingColumn) string {
		r := c.Result
		first, second := "–", ""
		if c.Answered == 0 {
			return padRight(truncate(name, nameW), nameW) + "  " + noAnswersYet
		}
		places := model.Places(r.Ranking)
		n := 0
		for i, ms := range r.Ranking {
			if ms.Excluded {
				continue
			}
			pts := strconv.Itoa(ms.Score)
			switch n {
			case 0:
				first = padRight(truncate(strconv.Itoa(places[i])+". "+modelName(ms.Model), firstW-len(pts)-1), firstW-len(pts)) + pts
			case 1:
				second = strconv.Itoa(places[i]) + ". " + modelShort(ms.Model) + " " + pts
			}
			n++
		}
		line := padRight(truncate(name, nameW), nameW) + "  " + padRight(first, firstW)
		if secondW > 0 {
			line += "  " + truncate(second, secondW)
		}
		return line
	}

	head := padRight("Kommune", nameW) + "  " + padRight("1. Platz", firstW)
	if secondW > 0 {
		head += "  " + "2. Platz"
	}
	lines := []string{st.Title.Render(head), st.Rule.Render(strings.Repeat("─", min(w, nameW+2+firstW+2+secondW)))}

	var people []model.RankingColumn
	var joint *model.RankingColumn
	for i, c := range cols {
		if c.ParticipantID == "" {
			joint = &cols[i]
		} else {
			people = append(people, c)
		}
	}
	// Below the rows: the joint ranking, the count per top model, a note.
	tail := []string{}
	if joint != nil {
		tail = append(tail, st.Rule.Render(strings.Repeat("─", min(w, nameW+2+firstW+2+secondW))),
			st.Good.Bold(true).Render(row(model.JointName, *joint)))
	}
	tail = append(tail, "")
	for _, l := range strings.Split(wrapText(topCounts(people), w), "\n") {
		tail = append(tail, st.Text.Render(l))
	}

	room := max(h-len(lines)-len(tail)-1, 1)
	*offset = min(*offset, max(len(people)-room, 0))
	shown := people[*offset:min(len(people), *offset+room)]
	for _, c := range shown {
		lines = append(lines, st.Text.Render(row(model.SafeLine(c.Name), c)))
	}
	if len(people) == 0 {
		lines = append(lines, st.Muted.Render("Noch keine teilnehmenden Kommunen."))
	}
	if len(shown) < len(people) {
		tail = append(tail, st.Muted.Render(truncate(fmt.Sprintf("Kommunen %d–%d von %d · ↑/↓ blättern", *offset+1, *offset+len(shown), len(people)), w)))
	}
	return append(lines, tail...)
}

// topCounts says how many municipalities have which model on top:
// "Vorn: Zweckverband 7 · Öffentlich-rechtliche Vereinbarung (delegierend) 5".
func topCounts(cols []model.RankingColumn) string {
	count := map[model.ModelID]int{}
	for _, c := range cols {
		if top, ok := columnLeader(c); ok {
			count[top]++
		}
	}
	if len(count) == 0 {
		return "Noch keine Rangfolgen."
	}
	ids := make([]model.ModelID, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return ids[i] < ids[j]
	})
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s %d", modelName(id), count[id])
	}
	return "Vorn bei den Kommunen: " + strings.Join(parts, " · ")
}

// noAnswersYet stands in a municipality's row before it has answered.
const noAnswersYet = "noch keine Antworten"

// columnLeader is the model a municipality's own answers put ahead of the
// others: none before it has answered, none on a tie at the top (such a
// row is not counted as "vorn").
func columnLeader(c model.RankingColumn) (model.ModelID, bool) {
	if c.Answered == 0 {
		return "", false
	}
	return c.Result.Leader()
}

// spitze names the models ahead in the municipalities' own rankings, for
// the Rangfolgen row of the list.
func spitze(tops []string) string {
	if len(tops) == 0 {
		return "Spitze: noch offen"
	}
	return "Spitze: " + strings.Join(dedupe(tops), " · ")
}
