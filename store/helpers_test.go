package store

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"ikz/model"
)

// clock is a settable clock for the store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond) // every call is later: Updated orders writes
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// openTemp opens a new store in t.TempDir() and closes it at the end.
func openTemp(t testing.TB, c *clock) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ikz", "sessions.db")
	s, err := OpenWith(path, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

func reopen(t testing.TB, s *Store, c *clock) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := OpenWith(s.Path(), Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	return s2
}

func fileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// richSession uses every part of a session.
func richSession() *model.Session {
	return &model.Session{
		Title:          "Kreis Musterland – IKZ Schul-IT",
		Traeger:        "Landkreis Musterland",
		Municipalities: []string{"Stadt A", "Gemeinde B"},
		Profile: model.Profile{
			"bundesland": {"NW"}, "traeger": {"landkreis"}, "partner_anzahl": {"4"}, "laendlich": {"true"},
			"ziele": {"wirtschaftlichkeit", "servicequalitaet"}, "umfang": {"aufgabenbereich"},
		},
		Participants: []model.Participant{
			{ID: "p1", Name: "Stadt A", Profile: model.Profile{"leistungskraft": {"gering"}},
				QuickCheck: map[string]model.QuickStatus{"qc.s1": model.StatusErledigt}},
		},
		Notes: map[string]string{"s.bedarf.ziele": "Support bündeln <b>&</b> „Anführungszeichen“"},
		QuickCheck: map[string]model.QuickEntry{
			"qc.s1": {Status: model.StatusErledigt, Note: "Beschluss liegt vor"},
			"qc.r1": {Status: model.StatusInArbeit},
		},
		Retired: map[string]model.RetiredAnswer{
			"alt": {Kind: model.RetiredProfile, Value: "x", Since: 1, Reason: "Die Frage gibt es nicht mehr."},
		},
		Measures: []model.Measure{
			{ID: "m1", Title: "Ticketsystem", Responsible: "IT-Leitung", Indicator: "alle Schulen angebunden", Due: "2026-10-01", Status: model.MeasureLaufend, Phase: model.PhaseRealisierung},
			{ID: "m2", Title: "Rahmenvertrag", Responsible: "Vergabe", Indicator: "Vertrag unterschrieben", Due: "2027-03-31", Status: model.MeasureGeplant},
			{ID: "m3", Title: "Alt", Responsible: "X", Indicator: "Y", Due: "2020-01-01", Status: model.MeasureErledigt},
		},
		Decisions:  []model.Decision{{Model: model.VereinbarungMandatierend, Reason: "Zuständigkeit bleibt", At: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC), Computed: model.Zweckverband}},
		Reviews:    []model.Review{{ID: "r1", At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Answers: map[string]string{"eval.ziele": "teilweise"}}},
		Efficiency: &model.Efficiency{Years: 5, PersonnelNow: 100000, PersonnelWith: 80000},
	}
}
