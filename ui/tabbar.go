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

// shortenOrder is the order in which tabs get their short label: the
// longest names first.
var shortenOrder = []string{"Wirtschaftlichkeit", "Verstetigung", "Realisierung", "Sondierung", "Empfehlung", "Maßnahmen", "Workshop"}

// tabBarLabels returns the plain labels of the tab bar ("3 Realisierung"),
// shortened until the bar fits into w columns: first the inactive tabs,
// then the spaces around them (compact), last the active tab itself.
func tabBarLabels(names []string, active, w int) (labels []string, compact bool) {
	labels = make([]string, len(names))
	for i, n := range names {
		labels[i] = fmt.Sprintf("%d %s", i+1, n)
	}
	width := func(pad int) int {
		n := len(labels) - 1 // separators
		for i, l := range labels {
			if i == active {
				n += plainWidth(l) + 2 // brackets
			} else {
				n += plainWidth(l) + pad
			}
		}
		return n
	}
	shorten := func(activeToo bool) {
		for _, name := range shortenOrder {
			if width(2) <= w || (compact && width(0) <= w) {
				return
			}
			for i, n := range names {
				if n == name && (i != active || activeToo) {
					labels[i] = fmt.Sprintf("%d %s", i+1, tabShort[n])
				}
			}
		}
	}
	shorten(false)
	if width(2) <= w {
		return labels, false
	}
	compact = true
	shorten(true)
	return labels, true
}

// renderTabBar renders the tab bar: the active tab in brackets (visible
// without colour too), the others muted.
func renderTabBar(s *Styles, names []string, active, w int) string {
	labels, compact := tabBarLabels(names, active, w)
	parts := make([]string, len(labels))
	for i, label := range labels {
		switch {
		case i == active:
			parts[i] = s.TabActive.Render("[" + label + "]")
		case compact:
			parts[i] = s.Tab.Render(label)
		default:
			parts[i] = s.Tab.Render(" " + label + " ")
		}
	}
	return truncate(strings.Join(parts, s.TabSep.Render("·")), w)
}
