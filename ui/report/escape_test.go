package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"ikz/model"
)

// hostile are the seeds of both fuzz tests; they also run in plain go test.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`'><svg onload=alert(1)>`,
	`</style><script>alert(1)</script>`,
	`</title><body onload=alert(1)>`,
	`<!-- comment --><iframe src="javascript:alert(1)">`,
	`<a href="javascript:alert(1)">klick</a>`,
	`]]><![CDATA[<script>x</script>`,
	`&lt;script&gt; &amp; &#60;b&#62;`,
	"Zeile 1\nZeile 2 | Spalte\r\n| --- |",
	"`code` *fett* _kursiv_ [link](http://x) ![bild](x.png) # Titel",
	"> Zitat\n- Liste\n1. eins\n===",
	`{{.Title}} {{template "x"}}`,
	"width: 100%; background: url(javascript:alert(1))",
	"Ümlaute ß € – „Anführung“",
}

// withUserText puts s into every user-written field of a rich session.
func withUserText(s string) Data {
	d := fixtureData()
	sess := d.Session
	sess.Title = s
	sess.Traeger = s
	sess.Municipalities = []string{s, "Stadt " + s}
	// two workshop participants named by the fuzzed text, with answers, so
	// the names appear in the spread ("2× ja (…)", "ohne Antwort: …") and
	// in the rankings
	sess.Participants = []model.Participant{
		{ID: "p1", Name: s, Profile: model.Profile{"laendlich": {"true"}, "umfang": {"austausch"}},
			QuickCheck: map[string]model.QuickStatus{"qc.s1": model.StatusErledigt}},
		{ID: "p2", Name: "Kommune " + s, Profile: model.Profile{"laendlich": {"true"}, "umfang": {"aufgabenbereich"}}},
	}
	for id := range sess.Notes {
		sess.Notes[id] = s
	}
	for id, e := range sess.QuickCheck {
		e.Note = s
		sess.QuickCheck[id] = e
	}
	for i := range sess.Measures {
		m := &sess.Measures[i]
		m.Title, m.Responsible, m.Indicator = s, s, s
	}
	sess.Measures = append(sess.Measures, model.Measure{ID: "mx", Title: s, Indicator: s, Due: s, Status: model.MeasureGeplant})
	for i := range sess.Decisions {
		sess.Decisions[i].Reason = s
	}
	for i := range sess.Reviews {
		sess.Reviews[i].Participants = []string{s}
		for k := range sess.Reviews[i].Answers {
			sess.Reviews[i].Answers[k] = s
		}
	}
	sess.Retired = map[string]model.RetiredAnswer{s: {Kind: s, Value: s, Note: s, Reason: s, Participant: s}}
	for i := range d.Snapshots {
		d.Snapshots[i].Label = s
	}
	d.ComparedWith, d.LastComparison = LastComparison(sess, d.Snapshots, fixedNow)
	return d
}

var (
	allowedElements = map[string]bool{
		"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "main": true,
		"header": true, "footer": true, "section": true, "h1": true, "h2": true, "h3": true, "h4": true,
		"p": true, "div": true, "span": true, "strong": true, "dl": true, "dt": true, "dd": true, "ul": true,
		"li": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
		"blockquote": true, "ol": true,
	}
	allowedAttrs = map[string]*regexp.Regexp{
		"class":   regexp.MustCompile(`^[a-z][a-z0-9 -]*$`),
		"scope":   regexp.MustCompile(`^row$`),
		"style":   regexp.MustCompile(`^width: \d{1,3}%$`),
		"lang":    regexp.MustCompile(`^de$`),
		"charset": regexp.MustCompile(`^utf-8$`),
		"name":    regexp.MustCompile(`^(viewport|generator)$`),
		"content": regexp.MustCompile(`^(width=device-width, initial-scale=1|IKZ-Lotse)$`),
	}
)

// runningTitle is the one stylesheet with user text: the session title in
// a CSS string, every quote, backslash, angle bracket and line break
// escaped by html/template.
var runningTitle = regexp.MustCompile(`^@page \{ @top-left \{ content: "Entscheidungsvorlage: (?:[^"\\<>&\n\r]|\\[0-9a-f]{1,6} ?)*"; \} \}$`)

// skeleton lists the elements and attributes of a document, one per line,
// and fails on anything outside the allow lists.
func skeleton(t *testing.T, doc string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("HTML does not parse: %v", err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if !allowedElements[n.Data] {
				t.Errorf("unexpected element <%s>", n.Data)
			}
			b.WriteString(n.Data)
			for _, a := range n.Attr {
				re, ok := allowedAttrs[a.Key]
				if !ok || a.Namespace != "" {
					t.Errorf("unexpected attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				} else if !re.MatchString(a.Val) {
					t.Errorf("unexpected value %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
				fmt.Fprintf(&b, " %s=%q", a.Key, a.Val)
			}
			b.WriteByte('\n')
			if n.Data == "style" {
				if n.FirstChild == nil || n.FirstChild != n.LastChild {
					t.Error("a <style> element holds more than one text")
				} else if css := strings.TrimSpace(n.FirstChild.Data); css != strings.TrimSpace(cssSource) && !runningTitle.MatchString(css) {
					t.Errorf("a <style> element holds more than our stylesheet or the running title: %q", css)
				}
				return
			}
		case html.CommentNode:
			t.Errorf("unexpected comment %q", n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// printable reports whether s survives HTML parsing unchanged as text.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || r == utf8.RuneError) {
			return false
		}
	}
	return true
}

func checkHTMLEscapes(t *testing.T, s string) {
	var b bytes.Buffer
	if err := HTML(&b, withUserText(s)); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	got := skeleton(t, b.String())
	// Apart from empty fields (rendered as "–" or a placeholder), user text
	// must not change the document's structure at all.
	if strings.TrimSpace(s) != "" {
		var ref bytes.Buffer
		if err := HTML(&ref, withUserText("Beispieltext")); err != nil {
			t.Fatal(err)
		}
		if want := skeleton(t, ref.String()); got != want {
			t.Errorf("user text %q changed the document structure", s)
		}
	}
	if printable(s) && strings.TrimSpace(s) != "" && !strings.Contains(s, "\n") {
		text := textOf(t, b.String())
		if !strings.Contains(text, strings.TrimSpace(s)) {
			t.Errorf("user text %q does not appear verbatim as text", s)
		}
		if spread := "2× ja (" + s + ", Kommune " + s + ")"; !strings.Contains(text, spread) {
			t.Errorf("participant name %q does not appear verbatim in the workshop spread", s)
		}
	}
}

func TestHTMLEscapesHostileText(t *testing.T) {
	for _, s := range hostile {
		t.Run(s, func(t *testing.T) { checkHTMLEscapes(t, s) })
	}
}

func FuzzHTMLReportEscapes(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(checkHTMLEscapes)
}

// cells counts the table cells of a Markdown row: "|" not escaped by "\".
func cells(row string) int {
	n := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n - 1
}

var rawTag = regexp.MustCompile(`(^|[^\\])<`)

func checkMarkdownEscapes(t *testing.T, s string) {
	var b bytes.Buffer
	if err := Markdown(&b, withUserText(s)); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	if spread := "2× ja (" + mdInline(s) + ", " + mdInline("Kommune "+s) + ")"; !strings.Contains(b.String(), spread) {
		t.Errorf("participant name %q is not in the workshop spread as %q", s, spread)
	}
	inTable, width, fence := false, 0, false
	for i, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "```") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if strings.HasPrefix(line, "|") {
			if !inTable {
				inTable, width = true, cells(line)
			} else if got := cells(line); got != width {
				t.Errorf("line %d has %d cells, the table %d: %q", i+1, got, width, line)
			}
		} else {
			inTable = false
		}
		if rawTag.MatchString(strings.ReplaceAll(line, "<br>", "")) {
			t.Errorf("line %d has raw HTML from user text: %q", i+1, line)
		}
		if strings.HasPrefix(line, "#") && !regexp.MustCompile(`^#{1,4} `).MatchString(line) {
			t.Errorf("line %d starts a heading from user text: %q", i+1, line)
		}
	}
}

func TestMarkdownEscapesHostileText(t *testing.T) {
	for _, s := range hostile {
		t.Run(s, func(t *testing.T) { checkMarkdownEscapes(t, s) })
	}
}

func FuzzMarkdownReportEscapes(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(checkMarkdownEscapes)
}

func TestMarkdownEscapeHelpers(t *testing.T) {
	tests := []struct {
		fn   func(string) string
		in   string
		want string
	}{
		{mdCell, "a | b", `a \| b`},
		{mdCell, "eins\nzwei\r\ndrei", "eins<br>zwei<br>drei"},
		{mdCell, "", "–"},
		{mdCell, "<b>", `\<b\>`},
		{mdInline, "zwei\nZeilen", "zwei Zeilen"},
		{mdInline, "*x* _y_ `z` [a](b)", "\\*x\\* \\_y\\_ \\`z\\` \\[a\\](b)"},
		{func(s string) string { return mdBlock(s, "> ") }, "- a\n2. b\n\n# c", "> \\- a\\\n> 2\\. b\n>\n> \\# c"},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
