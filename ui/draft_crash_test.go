package ui

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/store"
	"ikz/wizard"
)

// The crash test: a child process (this test binary, re-executed) types
// into the review, the measure or the new-session form, one key at a time,
// and prints every draft write the store acknowledged. The parent kills it with SIGKILL at a
// random moment, reopens the file and demands that everything acknowledged
// is there; the next child reopens the form (the draft must come back) and
// types on. The harness is crash_harness_test.go.

var draftCrashChild = crashChild{test: "TestDraftCrashChild", env: "IKZ_DRAFT_CRASH_CHILD"}

func TestDraftSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	for _, form := range []string{"review", "measure", "newsession"} {
		t.Run(form, func(t *testing.T) {
			path, id := newCrashFile(t)
			rng := rand.New(rand.NewPCG(1, uint64(len(form))))
			survivesKills(t, "", func(int) string {
				d := time.Duration(150+rng.IntN(500)) * time.Millisecond
				last, _ := lastCrashLine(t, draftCrashChild.kill(t, d, form, path, id), "ACK")
				return last
			}, func() string {
				return textOf(t, form, storedDraft(t, path, draftKey(form, id)))
			})
		})
	}
}

// draftKey is where the form's draft is stored.
func draftKey(form, id string) string {
	switch form {
	case "measure":
		return id + "/measure/new"
	case "newsession":
		return newSessionDraftKey
	}
	return id + "/review"
}

// crashTitle is the title the child types into the new-session form before
// it goes on to the municipalities (the only field without a limit).
const crashTitle = "Schul-IT Absturztest"

// textOf is the typed field of a draft of form ("" for no draft).
func textOf(t *testing.T, form string, data []byte) string {
	if data == nil {
		return ""
	}
	if form == "newsession" {
		// What the child typed, in order: the title, then the
		// municipalities (which stay empty until the title is complete).
		var d newSessionDraft
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		return d.Form.Title + d.Form.Municipalities
	}
	if form == "measure" {
		var d wizard.MeasureDraft
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		return d.Title
	}
	var d wizard.ReviewDraft
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	return d.Participants
}

// TestDraftCrashChild is the child: it types until it is killed.
func TestDraftCrashChild(t *testing.T) {
	form, e := draftCrashChild.childEnv(t, "TestDraftSurvivesKill")
	have := textOf(t, form, draftData(t, e.st, draftKey(form, e.id)))
	ack := func(msg tea.Msg) {
		if m, ok := msg.(formDraftSavedMsg); ok && m.data != nil {
			printCrashLine("ACK", textOf(t, form, m.data))
		}
	}
	if form == "newsession" {
		typeNewSession(t, e.st, have, ack)
		awaitKill()
		return
	}
	e.onMsg = ack
	var tb tab
	if form == "measure" {
		tb = newMeasuresTab(e.d, e.sess())
		tb.SetSize(100, 30)
		tb = e.send(tb, kRunes("a"))
	} else {
		tb = newReviewTab(e.d, e.sess())
		tb.SetSize(100, 30)
		tb = e.send(tb, kRunes("R"), kEnter) // the date is today's; on to the participants
	}
	if !tb.Capturing() {
		t.Fatal("the form did not open")
	}
	rest := strings.TrimPrefix(crashText, have)
	if rest == crashText && have != "" {
		t.Fatalf("the reopened form lost the draft %q", have)
	}
	for _, r := range rest {
		tb = e.send(tb, kRunes(string(r)))
	}
	awaitKill()
}

// typeNewSession is the child's part for the new-session form: the whole
// program, n, the title (what of it is not in the draft yet), on to the
// municipalities and typing there.
func typeNewSession(t *testing.T, st *store.Store, have string, ack func(tea.Msg)) {
	m := New(st, Config{})
	send := func(msgs ...tea.Msg) {
		for _, msg := range msgs {
			queue := []tea.Msg{msg}
			for len(queue) > 0 {
				msg, queue = queue[0], queue[1:]
				ack(msg)
				_, cmd := m.Update(msg)
				queue = append(queue, shRun(cmd)...)
			}
		}
	}
	send(m.Init()(), tea.WindowSizeMsg{Width: 100, Height: 30}, kRunes("n"))
	if m.Screen() != "Neue Sitzung" {
		t.Fatalf("n opened %q", m.Screen())
	}
	if have != "" && !strings.Contains(m.View(), "wiederhergestellt") {
		t.Fatalf("the reopened form does not say that it restored %q", have)
	}
	title, munis := have, ""
	if len(have) > len(crashTitle) {
		title, munis = crashTitle, have[len(crashTitle):]
	}
	for _, r := range strings.TrimPrefix(crashTitle, title) {
		send(kRunes(string(r)))
	}
	send(kEnter, kEnter, kEnter, kEnter) // Schulträger, Land, kind: on to the municipalities
	rest := strings.TrimPrefix(crashText, munis)
	if rest == crashText && munis != "" {
		t.Fatalf("the reopened form lost the draft %q", munis)
	}
	for _, r := range rest {
		send(kRunes(string(r)))
	}
}
