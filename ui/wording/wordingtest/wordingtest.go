// Package wordingtest checks that an output words a result with the
// shared parts of package wording: every output's tests call Phrases and
// Flatten, so the tab, the accessible mode, `ikz score` and the report are
// held to the same sentences.
package wordingtest

import (
	"strings"

	"golang.org/x/net/html"

	"ikz/ui/wording"
)

// Phrases are the sentences every full output of r shows, verbatim: the
// headline, what the points mean, each reason for and against the first
// model, its caveats and legal basis with the check notes, the flip point,
// what is open, why models are excluded, and the disclaimer.
func Phrases(r wording.Result) []string {
	out := []string{r.Headline, wording.ScaleNote, wording.Disclaimer}
	if len(r.Details) > 0 && !r.Details[0].Excluded {
		d := r.Details[0]
		for _, c := range append(append([]wording.Reason(nil), d.Pros...), d.Cons...) {
			out = append(out, c.PointsText+" "+c.Text)
		}
		for _, w := range d.Warnings {
			out = append(out, w.Text)
		}
		_, lines := r.ModelLegal(d.Model)
		for _, l := range lines {
			out = append(out, l.String())
		}
	}
	if r.Flip != "" {
		out = append(out, r.Flip)
	}
	if r.OpenNote != "" {
		out = append(out, r.OpenNote)
	}
	for _, c := range r.Contradictions {
		out = append(out, c.Text+" "+c.Check)
	}
	for _, row := range r.Rows {
		if row.Excluded {
			out = append(out, row.Exclusion)
		}
	}
	return out
}

// layout are the characters outputs add around the words: Markdown
// emphasis and escapes, brackets of notes and sources.
var layout = strings.NewReplacer("*", "", `\`, "", "[", "", "]", "", "(", "", ")", "")

// Flatten reduces an output to its words: layout characters dropped,
// line breaks and runs of spaces read as one space.
func Flatten(s string) string {
	return strings.Join(strings.Fields(layout.Replace(s)), " ")
}

// HTMLText is the visible text of an HTML document (no head, no styles).
func HTMLText(doc string) (string, error) {
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "li" || n.Data == "p" || n.Data == "div" || n.Data == "td" || n.Data == "th") {
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String(), nil
}

// Missing returns the phrases that output does not contain.
func Missing(output string, phrases []string) []string {
	flat := Flatten(output)
	var out []string
	for _, p := range phrases {
		if !strings.Contains(flat, Flatten(p)) {
			out = append(out, p)
		}
	}
	return out
}
