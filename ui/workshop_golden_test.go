package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"ikz/model"
)

// workshopFixture is a workshop of three municipalities that agree on the
// Land, split 2:1 on several keys and not at all on a new legal person;
// two more were named at creation but have not joined.
func workshopFixture(t *testing.T) *tabEnv {
	t.Helper()
	e := newTabEnv(t, model.Profile{"bundesland": {"NW"}, "traeger": {"landkreis"}, "umfang": {"aufgabenbereich"}, "laendlich": {"true"}})
	if _, err := e.st.Update(e.id, func(s *model.Session) error {
		s.Title, s.Traeger = "Workshop Lippe 2026", "Kreis Lippe"
		s.Municipalities = []string{"Stadt Lemgo", "Stadt Detmold", "Gemeinde Kalletal", "Stadt Blomberg", "Stadt Horn-Bad Meinberg"}
		answers := []map[string]string{
			{"bundesland": "NW", "laendlich": "true", "zustaendigkeit": "behalten", "verbindlichkeit": "hoch", "neue_rechtsperson": "nein", "umfang": "aufgabenbereich"},
			{"bundesland": "NW", "laendlich": "false", "zustaendigkeit": "abgeben", "verbindlichkeit": "hoch", "neue_rechtsperson": "ja", "umfang": "gesamtbetrieb"},
			{"bundesland": "NW", "laendlich": "true", "zustaendigkeit": "behalten", "verbindlichkeit": "mittel", "neue_rechtsperson": "offen", "umfang": "aufgabenbereich"},
		}
		quick := []model.QuickStatus{model.StatusErledigt, model.StatusInArbeit, model.StatusErledigt}
		for i, name := range s.Municipalities[:3] {
			id, err := s.AddParticipant(name)
			if err != nil {
				return err
			}
			for k, v := range answers[i] {
				if err := s.SetParticipantAnswer(id, k, model.Answer{v}); err != nil {
					return err
				}
			}
			if err := s.SetParticipantQuick(id, "qc.s1", quick[i]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return e
}

// Golden snapshots of the Workshop tab (facilitator on the most disputed
// question; a participant answering) and of the presenter view, at 100x30
// and 80x24 (regenerate: go test ./ui -run TestWorkshopGolden -update).
func TestWorkshopGolden(t *testing.T) {
	cases := []struct {
		name    string
		w, h    int
		keys    []string // typed in the session screen first
		present bool
	}{
		// From Moderation past three participants, two named
		// municipalities, "hinzufügen" and the rankings to the first key.
		{"moderation_100x30", 100, 30, slices.Repeat([]string{"down"}, 8), false},
		{"moderation_80x24", 80, 24, slices.Repeat([]string{"down"}, 8), false},
		{"teilnehmer_100x30", 100, 30, []string{"j", "enter"}, false},
		{"praesentation_100x30", 100, 30, nil, true},
		{"praesentation_80x24", 80, 24, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := workshopFixture(t)
			d := e.d
			d.workshop, d.present = true, c.present
			m, _ := newSessionModel(d, e.sess())
			m.SetSize(c.w, c.h)
			for _, k := range c.keys {
				m.Update(shKey(k))
			}
			v := m.View()
			assertFits(t, c.name, v, c.w, c.h)
			golden.RequireEqual(t, v)
		})
	}
}

// In the presenter view ↑/↓ step through the profile questions; other
// keys change nothing behind the projector image; p and esc leave it.
func TestPresenterKeys(t *testing.T) {
	e := workshopFixture(t)
	d := e.d
	d.workshop, d.present = true, true
	m, _ := newSessionModel(d, e.sess())
	m.SetSize(100, 30)
	current := func() string {
		v := ansi.Strip(m.View())
		lines := strings.Split(v, "\n")
		for i, l := range lines {
			if strings.TrimSpace(l) == "AKTUELLE FRAGE" && i+1 < len(lines) {
				label, _, _ := strings.Cut(strings.TrimSpace(lines[i+1]), "  ")
				return label
			}
		}
		t.Fatalf("no current question:\n%s", v)
		return ""
	}
	// The most disputed question first, then the next in the facilitator's order.
	if got := current(); got != "Neue Rechtsperson" {
		t.Fatalf("first current question = %q, want the disputed Neue Rechtsperson", got)
	}
	m.Update(shKey("down"))
	if got := current(); got != "Zuständigkeit" {
		t.Errorf("after ↓: %q, want Zuständigkeit", got)
	}
	m.Update(shKey("up"))
	m.Update(shKey("up")) // stays on the first question
	if got := current(); got != "Neue Rechtsperson" {
		t.Errorf("after ↑↑: %q, want Neue Rechtsperson", got)
	}
	before := e.sess()
	for _, k := range []string{"enter", "a", "m", "backspace", " ", "tab", "1"} {
		m.Update(shKey(k))
	}
	if !m.present || m.workshop().form != nil || m.active != len(m.tabs)-1 {
		t.Errorf("a key other than ↑/↓/p/esc acted behind the presenter view (present %v, form %v, tab %d)",
			m.present, m.workshop().form != nil, m.active)
	}
	if after := e.sess(); !after.Updated.Equal(before.Updated) {
		t.Error("a key in the presenter view changed the session")
	}
	m.Update(shKey("esc"))
	if m.present {
		t.Error("esc did not leave the presenter view")
	}
	m.Update(shKey("p"))
	if !m.present {
		t.Error("p did not open the presenter view")
	}
}

// The presenter view through the real program, as `ikz --present` starts
// it: open the workshop session, the projector picture comes first.
func TestGoldenPresenterProgram(t *testing.T) {
	e := workshopFixture(t)
	sess := e.sess()
	sess.ID = ""
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			st := shStore(t, sess)
			m := New(st, Config{Present: true, Now: func() time.Time { return shStart.Add(2 * time.Second) }})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(sz[0], sz[1]))
			waitFor(t, tm, "gespeicherte Sitzung")
			tm.Send(shKey("enter"))
			waitFor(t, tm, "AKTUELLE FRAGE")
			tm.Send(shKey("down")) // the next disputed question
			waitFor(t, tm, "Zuständigkeit  ")
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
			shCheckFits(t, final, sz[0], sz[1])
			golden.RequireEqual(t, []byte(final))
		})
	}
}
