package ui

import (
	"fmt"
	"strings"
)

// tabShort are shorter labels for the tab bar when the full names do not
// fit (eight tabs need about 120 columns).
var tabShort = map[string]string{
	"Sondierung": "Sond.", "Realisierung": "Real.", "Verstetigung": "Verst.", "Empfehlung": "Empf.",
	"Maßnahmen": "Maßn.", "Wirtschaftlichkeit": "Wirtsch.", "Workshop": "Worksh.",
}

// tabTiny are the last resort when even the compact bar with the short
// labels is too wide (nine tabs at 80 columns). "WiBe" is the usual
// abbreviation of a Wirtschaftlichkeitsbetrachtung in public administration.
var tabTiny = map[string]string{"Wirtschaftlichkeit": "WiBe", "Workshop": "Wksp."}

var tinyOrder = []string{"Wirtschaftlichkeit", "Workshop"}

// shortenOrder is the order in which tabs get their short label: the
// longest names first.
var shortenOrder = []string{"Wirtschaftlichkeit", "Verstetigung", "Realisierung", "Sondierung", "Empfehlung", "Maßnahmen", "Workshop"}

// tabBarLabels returns the plain labels of the tab bar ("3 Realisierung"),
// shortened until the bar fits into w columns: first the labels, then the
// spaces around them (compact). The result does not depend on the active
// tab, so the row never jumps when another tab is chosen.
func tabBarLabels(names []string, active, w int) (labels []string, compact bool) {
	labels = make([]string, len(names))
	for i, n := range names {
		labels[i] = fmt.Sprintf("%d %s", i+1, n)
	}
	width := func(pad int) int {
		n := len(labels) - 1 // separators
		for _, l := range labels {
			n += plainWidth(l) + pad
		}
		if pad == 0 {
			n += 2 // the bracket places at both ends
		}
		return n
	}
	shorten := func(name, short string) {
		for i, n := range names {
			if n == name {
				labels[i] = fmt.Sprintf("%d %s", i+1, short)
			}
		}
	}
	for _, name := range shortenOrder {
		if width(2) <= w {
			return labels, false
		}
		shorten(name, tabShort[name])
	}
	if width(2) <= w {
		return labels, false
	}
	// Nine tabs at 80 columns: compact, and the longest short label gives
	// way too, so that no label is cut at the right edge.
	for _, name := range tinyOrder {
		if width(0) <= w {
			break
		}
		shorten(name, tabTiny[name])
	}
	return labels, true
}

// renderTabBar renders the tab bar: the active tab in brackets (visible
// without colour too), the others muted. The brackets take the place of
// the spaces (or, compact, of the separators) around the active label, so
// every label keeps its column.
func renderTabBar(s *Styles, names []string, active, w int) string {
	labels, compact := tabBarLabels(names, active, w)
	if !compact {
		parts := make([]string, len(labels))
		for i, label := range labels {
			if i == active {
				parts[i] = s.TabActive.Render("[" + label + "]")
			} else {
				parts[i] = s.Tab.Render(" " + label + " ")
			}
		}
		return truncate(strings.Join(parts, s.TabSep.Render("·")), w)
	}
	var b strings.Builder
	for i, label := range labels {
		// the mark before label i: "[" when it is active, "]" after the
		// active one, else a separator (a space at the very start)
		switch {
		case i == active:
			b.WriteString(s.TabActive.Render("["))
		case i == active+1:
			b.WriteString(s.TabActive.Render("]"))
		case i == 0:
			b.WriteString(" ")
		default:
			b.WriteString(s.TabSep.Render("·"))
		}
		if i == active {
			b.WriteString(s.TabActive.Render(label))
		} else {
			b.WriteString(s.Tab.Render(label))
		}
	}
	if active == len(labels)-1 {
		b.WriteString(s.TabActive.Render("]"))
	}
	return truncate(b.String(), w)
}
