package ui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
	"ikz/wizard"
)

// The crash test: a child process (this test binary, re-executed) types
// into the review, the measure or the new-session form, one key at a time,
// and prints every draft write the store acknowledged. The parent kills it with SIGKILL at a
// random moment, reopens the file and demands that everything acknowledged
// is there; the next child reopens the form (the draft must come back) and
// types on.

const crashChildEnv = "IKZ_DRAFT_CRASH_CHILD"

// crashText is what the child types, long enough to outlast every kill.
var crashText = strings.Repeat("Landrätin Müller, IT-Leitungen der 8 Gemeinden; ", 40)

func TestDraftSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	for _, form := range []string{"review", "measure", "newsession"} {
		t.Run(form, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crash.db")
			st, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			sess := &model.Session{Title: "Absturz", Traeger: "Kreis Test"}
			if err := st.Create(sess); err != nil {
				t.Fatal(err)
			}
			st.Close()
			rng := rand.New(rand.NewPCG(1, uint64(len(form))))
			acked := ""
			for round := range 5 {
				last := crashRound(t, path, form, sess.ID, time.Duration(150+rng.IntN(500))*time.Millisecond)
				if last != "" {
					acked = last
				}
				got := storedDraftText(t, path, form, sess.ID)
				if !strings.HasPrefix(got, acked) {
					t.Fatalf("round %d: acknowledged %q, after the kill the store has %q", round, tail(acked), tail(got))
				}
				acked = got // the next child goes on from what is stored
			}
			t.Logf("%d characters acknowledged and found over 5 kills", len([]rune(acked)))
			if len(acked) < 10 {
				t.Errorf("the children typed only %q: the test proves nothing", acked)
			}
		})
	}
}

func tail(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return "…" + string(r[len(r)-30:])
	}
	return s
}

// crashRound runs one child for d, kills it and returns the text of the
// last acknowledged draft.
func crashRound(t *testing.T, path, form, id string, d time.Duration) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDraftCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+form+"|"+path+"|"+id)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acks := make(chan string, 1024)
	go func() {
		defer close(acks)
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "ACK "); ok {
				acks <- a
			}
		}
	}()
	time.Sleep(d)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	last := ""
	for a := range acks {
		var s string
		if err := json.Unmarshal([]byte(a), &s); err != nil {
			t.Fatalf("bad ack %q: %v", a, err)
		}
		last = s
	}
	_ = cmd.Wait()
	return last
}

// storedDraftText is the typed field of the draft in the file.
func storedDraftText(t *testing.T, path, form, id string) string {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return draftText(t, st, form, id)
}

func draftText(t *testing.T, st *store.Store, form, id string) string {
	key := id + "/review"
	switch form {
	case "measure":
		key = id + "/measure/new"
	case "newsession":
		key = newSessionDraftKey
	}
	data, err := st.Draft(key)
	if err != nil {
		t.Fatal(err)
	}
	if data == nil {
		return ""
	}
	return textOf(t, form, data)
}

// crashTitle is the title the child types into the new-session form before
// it goes on to the municipalities (the only field without a limit).
const crashTitle = "Schul-IT Absturztest"

func textOf(t *testing.T, form string, data []byte) string {
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
	spec := os.Getenv(crashChildEnv)
	if spec == "" {
		t.Skip("only as the child of TestDraftSurvivesKill")
	}
	parts := strings.SplitN(spec, "|", 3)
	form, path, id := parts[0], parts[1], parts[2]
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := tabDeps{store: st, styles: NewStyles(DefaultPalette()), now: time.Now}
	d.changes = newChanger(d, id)
	e := &tabEnv{t: t, st: st, id: id, d: d}
	have := draftText(t, st, form, id)
	ack := func(msg tea.Msg) {
		if m, ok := msg.(formDraftSavedMsg); ok && m.data != nil {
			b, _ := json.Marshal(textOf(t, form, m.data))
			fmt.Printf("ACK %s\n", b)
		}
	}
	if form == "newsession" {
		typeNewSession(t, st, have, ack)
		time.Sleep(time.Minute) // wait for the kill
		return
	}
	e.onMsg = ack
	var tb tab
	if form == "measure" {
		tb = newMeasuresTab(d, e.sess())
		tb.SetSize(100, 30)
		tb = e.send(tb, kRunes("a"))
	} else {
		tb = newReviewTab(d, e.sess())
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
	time.Sleep(time.Minute) // wait for the kill
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
