// Package modeltest builds sessions for tests of other packages.
package modeltest

import (
	"strings"
	"time"

	"ikz/model"
)

// Hostile is text that would drive a terminal if it reached one raw: a
// clipboard write (OSC 52), a window title change, a screen clear, bidi
// overrides and isolates, NUL, DEL, an 8-bit CSI and a DCS string.
const Hostile = "«\x1b]52;c;SGFjaw==\x07\x1b]0;PWNED\x07\x1b[2J\u202eRLO\u2066LRI\x00\x7f\u009b6n\x1bPq#0\x1b\\»"

// HostileBytes are the pieces of Hostile that must never reach an output:
// none of them is written by the app or the terminal library itself.
var HostileBytes = []string{"\x1b]52", "\x1b]0;", "\x07", "\u202e", "\u2066", "\x00", "\x7f", "\u009b", "\x1bP"}

// Leak returns the first hostile piece found in out, "" if none.
func Leak(out string) string {
	for _, b := range HostileBytes {
		if strings.Contains(out, b) {
			return b
		}
	}
	return ""
}

// HostileSession is a realistic session with Hostile in every text field a
// person or a file can fill: title, Schulträger, municipalities, the
// workshop participants' names and comments, every note of the quick
// check, measures, decisions with their body, reviews and retired answers.
func HostileSession(now time.Time) *model.Session {
	h := func(s string) string { return s + " " + Hostile }
	s := &model.Session{
		Title:          h("Workshop Lippe"),
		Traeger:        h("Kreis Lippe"),
		Municipalities: []string{h("Stadt Lemgo"), h("Gemeinde Dörentrup")},
		Profile:        model.Profile{"bundesland": {"NW"}, "umfang": {"austausch"}},
		Notes:          map[string]string{},
		QuickCheck:     map[string]model.QuickEntry{},
		Retired:        map[string]model.RetiredAnswer{"alt": {Kind: "note", Value: h("alte Antwort"), Note: h("Notiz")}},
		Measures: []model.Measure{{ID: "m1", Title: h("Rahmenvertrag"), Responsible: h("IT-Leitung"),
			Indicator: h("Vertrag unterschrieben"), Status: model.MeasureLaufend, Due: now.AddDate(0, 1, 0).Format("2006-01-02")}},
		Decisions: []model.Decision{{Model: "zweckverband", Reason: h("Beschluss"), At: now.Add(-time.Hour), Body: h("Kreistag")}},
		Reviews: []model.Review{{ID: "r1", At: now.Add(-time.Hour), Participants: []string{h("Landrätin")},
			Answers: map[string]string{}}},
	}
	for _, id := range model.AllGuidingQuestionIDs() {
		s.Notes[id] = h("Notiz")
	}
	for _, id := range model.AllQuickItemIDs() {
		s.QuickCheck[id] = model.QuickEntry{Status: model.StatusInArbeit, Note: h("Anmerkung")}
	}
	for _, q := range model.EvaluationQuestions {
		s.Reviews[0].Answers[q.ID] = h("Bewertung")
	}
	// Added as a file or an older version would have them (AddParticipant
	// refuses such names today).
	for i, name := range []string{"Stadt Lemgo", "Gemeinde Dörentrup"} {
		s.Participants = append(s.Participants, model.Participant{ID: "p" + string(rune('1'+i)), Name: h(name),
			Profile: model.Profile{"bundesland": {"NW"}, "umfang": {"austausch"}}, Comments: map[string]string{"umfang": h("Kommentar")}})
	}
	return s
}
