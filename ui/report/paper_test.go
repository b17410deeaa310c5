package report

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ikz/model"
	"ikz/ui/wording"
	"ikz/ui/wording/wordingtest"
)

// paperText is the decision paper of a rendered report: in Markdown
// everything before "# Anhang", in HTML the text of <section class="paper">.
func paperText(t *testing.T, format, out string) string {
	t.Helper()
	if format == "md" {
		paper, _, ok := strings.Cut(out, "\n# "+appendixTitle+"\n")
		if !ok {
			t.Fatal("no appendix heading in the Markdown report")
		}
		return paper
	}
	root, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var find func(n *html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.Data == "section" {
			for _, a := range n.Attr {
				if a.Key == "class" && a.Val == "paper" {
					return n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	sec := find(root)
	if sec == nil {
		t.Fatal("no <section class=\"paper\"> in the HTML report")
	}
	var b strings.Builder
	if err := html.Render(&b, sec); err != nil {
		t.Fatal(err)
	}
	text, err := wordingtest.HTMLText(b.String())
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// TestDecisionPaperContents: the first pages a council reads hold every
// profile answer that went into the score, the group's decision (and that
// it differs from the recommendation), the runner-up and the flip point
// (issue 14, "What it must show").
func TestDecisionPaperContents(t *testing.T) {
	decided := fixtureData()
	undecided := fixtureData()
	undecided.Session.Decisions = nil
	for name, d := range map[string]Data{"group decided otherwise": decided, "no decision yet": undecided} {
		r := wording.NewSessionResult(d.Session, d.Result)
		var want []string
		for _, a := range wording.Scored(wording.NewSessionProfile(d.Session)) {
			want = append(want, a.Label+": "+a.Answer)
		}
		if len(want) < 10 {
			t.Fatalf("fixture scores only %d answers", len(want))
		}
		if r.Flip == "" || r.RunnerUp == nil {
			t.Fatalf("fixture without flip point or runner-up: %+v", r)
		}
		want = append(want, wording.FlipPoint+": "+r.Flip, r.Headline)
		if cur, ok := d.Session.CurrentDecision(); ok {
			dec := wording.NewDecision(d.Session, r)
			want = append(want, dec.Line(), cur.Reason, dec.DiffersNote,
				// the recommended model is the alternative to the group's choice
				"Berechnet am besten passt "+wording.ModelName(r.Top))
		} else {
			want = append(want, noDecisionYet,
				"Zweitplatziert ist "+r.RunnerUp.Name+" mit "+r.RunnerUp.ScoreText+" Punkten")
		}
		for _, format := range Formats {
			paper := paperText(t, format, render(t, format, d))
			for _, miss := range wordingtest.Missing(paper, want) {
				t.Errorf("%s, %s: the paper lacks %q", name, format, miss)
			}
			// Unanswered questions are named as open points, not as answers.
			for _, a := range wording.NewSessionProfile(d.Session) {
				if a.Status == wording.NotAnswered && strings.Contains(wordingtest.Flatten(paper), a.Label+": ") {
					t.Errorf("%s, %s: unanswered %q listed as an answer", name, format, a.Label)
				}
			}
		}
	}
}

// The resolution names the Land's own form and never cites a paragraph
// that is still to be checked.
func TestResolutionText(t *testing.T) {
	d := fixtureData()
	v := buildView(d)
	res := strings.Join(v.Paper.Resolution, " ")
	f := v.Result.Legal.Form(v.Chosen.Model)
	if !strings.Contains(res, "„"+f.Name+"“") {
		t.Errorf("resolution lacks the Land's name of the form: %s", res)
	}
	if strings.Contains(res, "Kreis Auental, Stadt") {
		t.Errorf("the Träger is named among its own partners: %s", res)
	}
	d.Session.Profile["bundesland"] = model.Answer{"BY"} // Bavarian paragraphs are [P]
	d.Result = model.Score(d.Session.Profile)
	v = buildView(d)
	if f := v.Result.Legal.Form(v.Chosen.Model); f != nil && f.Paras.Check {
		if res := strings.Join(v.Paper.Resolution, " "); strings.Contains(res, f.Paras.Text[:5]) {
			t.Errorf("resolution cites an unchecked paragraph: %s", res)
		}
	}
}
