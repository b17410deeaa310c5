package store

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// faultState is what the database holds: every session (live or in the
// trash) by title, without IDs and times, as exchange JSON.
func faultState(t testing.TB, s *Store) string {
	t.Helper()
	var b strings.Builder
	list, err := s.List()
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	trash, err := s.Trash()
	if err != nil {
		t.Fatalf("trash: %v", err)
	}
	var lines []string
	for _, sum := range list {
		d, err := s.Export(sum.ID)
		if err != nil {
			t.Fatalf("export %s: %v", sum.Title, err)
		}
		d.Session.ID = ""
		for i := range d.Snapshots {
			d.Snapshots[i].ID, d.Snapshots[i].Session.ID = "", ""
		}
		var j bytes.Buffer
		if err := WriteExport(&j, d); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, j.String())
	}
	for _, e := range trash {
		lines = append(lines, "Papierkorb: "+e.Title)
	}
	sort.Strings(lines)
	for _, l := range lines {
		b.WriteString(l)
	}
	return b.String()
}

func fixedNow() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }
