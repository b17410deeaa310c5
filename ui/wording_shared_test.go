package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/ui/report"
	"ikz/ui/wording"
	"ikz/ui/wording/wordingtest"
)

// sharedProfiles are results that exercise every part: a leader with pros,
// cons, caveats and unverified law (Niedersachsen), an excluded model
// (Saarland), a tie (only the Land answered) and a city-state.
var sharedProfiles = map[string]model.Profile{
	"rich Saarland": richProfile,
	"Niedersachsen": {"bundesland": {"NI"}, "traeger": {"landkreis"}, "zustaendigkeit": {"abgeben"},
		"umfang": {"einzelaufgaben"}, "verbindlichkeit": {"mittel"}, "neue_rechtsperson": {"nein"}},
	"tie": {"bundesland": {"NW"}},
	"contradiction": {"bundesland": {"BY"}, "umfang": {"austausch"}, "zustaendigkeit": {"abgeben"},
		"verbindlichkeit": {"hoch"}},
	"city-state":  {"bundesland": {"HH"}, "umfang": {"gesamtbetrieb"}},
	"nothing yet": {},
}

// TestOneWordingEverywhere: the Empfehlung tab, the accessible mode and both
// report formats show the same sentences for the same result, because they
// lay out the same parts (ikz score: ui/cli TestScoreTextSharesWording).
func TestOneWordingEverywhere(t *testing.T) {
	for name, p := range sharedProfiles {
		t.Run(name, func(t *testing.T) {
			r := model.Score(p)
			phrases := wordingtest.Phrases(wording.NewResult(r))

			e := newTabEnv(t, p)
			tb := newTestRecommendTab(e, 120, 32).(*recommendTab)
			tabText := plain(tb)
			for _, row := range r.Ranking {
				tabText += "\n" + ansiStrip(tb.detailText(rowModelPref+string(row.Model), 1000))
			}
			d := report.Data{Session: &model.Session{Title: "T", Profile: p}, Result: r, Generated: time.Now()}
			var md, doc bytes.Buffer
			if err := report.Markdown(&md, d); err != nil {
				t.Fatal(err)
			}
			if err := report.HTML(&doc, d); err != nil {
				t.Fatal(err)
			}
			htmlText, err := wordingtest.HTMLText(doc.String())
			if err != nil {
				t.Fatal(err)
			}
			outputs := map[string]string{
				"tab":         tabText,
				"accessible":  ResultText(d.Session, r),
				"report md":   md.String(),
				"report html": htmlText,
			}
			for out, text := range outputs {
				for _, miss := range wordingtest.Missing(text, phrases) {
					t.Errorf("%s lacks %q", out, miss)
				}
			}
		})
	}
}

// TestNoCompetingWording: the old variants of shared sentences are gone
// from every output (issue 14).
func TestNoCompetingWording(t *testing.T) {
	stale := []string{"nur teilweise belegt", "nicht belegt – bitte prüfen", "Orientierungshilfe – keine", "Schnellcheck", "von 100 Punkten", "✔ nicht relevant"}
	r := model.Score(sharedProfiles["Niedersachsen"])
	e := newTabEnv(t, sharedProfiles["Niedersachsen"])
	tb := newTestRecommendTab(e, 120, 32).(*recommendTab)
	text := plain(tb) + ResultText(e.sess(), r) + ansiStrip(tb.detailText(rowModelPref+string(r.Top()), 1000))
	for _, s := range stale {
		if strings.Contains(text, s) {
			t.Errorf("output still says %q", s)
		}
	}
}

// TestFlipOneSentence: the Kipppunkt is one sentence in the tab and the
// report; in a workshop both word the answers as the room was asked them
// ("bleibt bei den heutigen Trägern"), never one municipality's "bleibt
// bei uns" (ikz score, which has no session: ui/cli TestScoreJSON and
// TestScoreTextSharesWording).
func TestFlipOneSentence(t *testing.T) {
	p := model.Profile{"bundesland": {"NW"}, "zustaendigkeit": {"abgeben"}}
	for _, workshop := range []bool{false, true} {
		e := newTabEnv(t, p)
		if workshop {
			if _, err := e.st.Update(e.id, func(s *model.Session) error {
				s.Participants = []model.Participant{{ID: "p1", Name: "Stadt Lemgo"}, {ID: "p2", Name: "Gemeinde Dörentrup"}}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		sess := e.sess()
		r := model.Score(sess.Profile)
		flip := wording.NewSessionResult(sess, r).Flip
		own, group := "„bleibt bei uns“", "„bleibt bei den heutigen Trägern“"
		if workshop {
			own, group = group, own
		}
		if !strings.Contains(flip, own) || strings.Contains(flip, group) {
			t.Fatalf("workshop %v: flip %q", workshop, flip)
		}
		tb := newTestRecommendTab(e, 120, 40).(*recommendTab)
		var md bytes.Buffer
		if err := report.Markdown(&md, report.Data{Session: sess, Result: r, Generated: tabClock}); err != nil {
			t.Fatal(err)
		}
		for out, text := range map[string]string{
			"tab":    ansiStrip(tb.detailText(rowModelPref+string(r.Top()), 1000)),
			"report": md.String(),
		} {
			if missing := wordingtest.Missing(text, []string{flip}); len(missing) > 0 {
				t.Errorf("workshop %v: the %s lacks the Kipppunkt %q", workshop, out, flip)
			}
			if strings.Contains(text, group) {
				t.Errorf("workshop %v: the %s words an answer %s", workshop, out, group)
			}
		}
	}
}
