package ui

import (
	"strconv"

	"ikz/model"
)

// scoreLine renders one line of the ranking in w cells: rank, short name,
// bar and score ("1. Zweckverband  ██████░░░  72"). An excluded model is
// greyed and says why instead of showing a bar; the rank number and the
// word carry the meaning without colour.
func scoreLine(st *Styles, rank int, ms model.ModelScore, nameW, w int, selected bool) string {
	name := string(ms.Model)
	if m, ok := model.ModelByID(ms.Model); ok {
		name = m.Short
	}
	nameStyle := st.ItemTitle
	if selected {
		nameStyle = st.ItemSelTitle
	}
	if ms.Excluded {
		head := padRight("–", 3) + padRight(truncate(name, nameW), nameW) + "  "
		return st.Faint.Render(truncate(head+"ausgeschlossen: "+ms.Exclusion, w))
	}
	head := padRight(strconv.Itoa(rank)+".", 3)
	num := strconv.Itoa(ms.Score)
	num = padLeft(num, 4)
	barW := w - 3 - nameW - 2 - 4
	if barW < 3 { // too narrow for a bar: name and number only
		return head + nameStyle.Render(padRight(truncate(name, w-3-4), w-3-4)) + num
	}
	barW = min(barW, 30)
	full, empty := bar(ms.Score, 100, barW)
	return head + nameStyle.Render(padRight(truncate(name, nameW), nameW)) + "  " +
		st.BarDone.Render(full) + st.BarTodo.Render(empty) + st.Text.Render(num)
}

// rankNameWidth is the column width for the model names of a ranking.
func rankNameWidth(r model.Result, w int) int {
	n := 0
	for _, ms := range r.Ranking {
		if m, ok := model.ModelByID(ms.Model); ok {
			n = max(n, plainWidth(m.Short))
		}
	}
	return min(n, max(w/3, 6))
}

func padLeft(s string, w int) string {
	for plainWidth(s) < w {
		s = " " + s
	}
	return s
}
