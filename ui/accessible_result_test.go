package ui

import (
	"strings"
	"testing"

	"ikz/model"
)

// Accessible mode reads the result in the words of the tab and the
// report: in a workshop (a session with participants) the answers read as
// the room was asked them, in a session of one authority in its own words.
func TestResultTextWorkshopWording(t *testing.T) {
	p := model.Profile{"zustaendigkeit": {"abgeben"}}
	r := model.Score(p)
	for _, c := range []struct {
		name         string
		participants []model.Participant
		want, never  string
	}{
		{"workshop", []model.Participant{{ID: "p1", Name: "Stadt Lemgo"}}, "„bleibt bei den heutigen Trägern“", "bleibt bei uns"},
		{"one authority", nil, "„bleibt bei uns“", "heutigen Trägern"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &model.Session{Profile: p, Participants: c.participants}
			text := ResultText(s, r)
			if !strings.Contains(text, c.want) || strings.Contains(text, c.never) {
				t.Errorf("want %q and never %q in:\n%s", c.want, c.never, text)
			}
			// the tab says the same
			e := newTabEnv(t, p)
			if _, err := e.st.Update(e.id, func(st *model.Session) error { st.Participants = c.participants; return nil }); err != nil {
				t.Fatal(err)
			}
			tb := newTestRecommendTab(e, 160, 45).(*recommendTab)
			if tb.words.Flip == "" || !strings.Contains(text, tb.words.Flip) {
				t.Errorf("the tab's flip sentence %q is not in the accessible text:\n%s", tb.words.Flip, text)
			}
		})
	}
}
