package ui

import (
	"fmt"
	"strings"

	"ikz/model"
	"ikz/ui/wording"
)

// The Kostenverteilung in the accessible mode: the sheet read out as
// sentences from the shared wording (the same words as the page and the
// report). Entering the figures is the page's; a screen reader user can
// bring them as a CSV file there or with `ikz kosten`.

// costsLabel is the session-menu entry.
func costsLabel(c *model.CostSharing) string {
	if c == nil || len(c.Partners) == 0 {
		return "Kostenverteilung je Partner (noch keine Partner)"
	}
	return fmt.Sprintf("Kostenverteilung je Partner vorlesen (%s)", wording.Plural(len(c.Partners), "Partner", "Partner"))
}

// costs reads the cost-sharing sheet out.
func (a *accessible) costs(sess *model.Session) (*model.Session, error) {
	a.say("%s", costsText(sess.Costs))
	return sess, nil
}

// costsText is the sheet as sentences, one per line.
func costsText(c *model.CostSharing) string {
	if c == nil || len(c.Partners) == 0 {
		return "Noch keine Partner eingetragen. Die Zahlen der Partner tragen Sie im Reiter Wirtschaftlichkeit auf der Seite Kostenverteilung ein (v), auch als CSV-Datei der Kämmerei (i)."
	}
	w := wording.NewCosts(*c)
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	if w.Invalid != "" {
		line("Achtung, Angaben unvollständig: %s", w.Invalid)
	}
	line("Gemeinsame Kosten: %s im Jahr.", w.JointTotal)
	for _, j := range w.Joint {
		line("  %s: %s.", j.Label, j.Value)
	}
	line("%s", w.AllSave)
	if w.Best != "" {
		line("%s", w.Best)
	}
	line("%s.", w.Chosen)
	for _, k := range w.Keys {
		if k.Unusable != "" {
			line("Schlüssel %s: %s.", k.Label, k.Summary)
			continue
		}
		line("Schlüssel %s: %s; kleinste Einsparung %s.", k.Label, k.Summary, k.Worst)
	}
	if w.Reference != "" {
		line("Je Partner beim Schlüssel %s (%s):", w.Reference, w.RefReason)
		ref := w.Keys[0]
		for _, k := range w.Keys {
			if k.Label == w.Reference {
				ref = k
			}
		}
		for _, p := range ref.Partners {
			meets := ""
			if p.Meets {
				meets = ", erreicht 15 % über 5 Jahre"
			}
			line("  %s: Anteil %s, Kosten heute %s, Einsparung %s im Jahr (%s)%s.", model.SafeLine(p.Name), p.Share, p.Today, p.Saving, p.Percent, meets)
		}
	}
	if w.CompText != "" {
		line("%s", w.CompText)
	}
	for _, h := range w.Hints {
		line("Hinweis: %s", h)
	}
	return strings.TrimRight(b.String(), "\n")
}
