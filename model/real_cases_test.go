package model

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Documented real cooperations (testdata/cases, issue 10): each file holds
// a profile with only the answers its public source supports, the form the
// municipalities actually chose and the source addresses. The test reports
// how many the tool puts first and how many in the first two places, and
// fails when testdata/cases/README.md states other figures: the README's
// discussion of every miss must match what the tool does today. Weights
// are never tuned to these cases (domain.md §8).

const casesDir = "../testdata/cases"

type realCase struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Land       string            `json:"land"`
	Sources    []string          `json:"sources"`
	Accessed   string            `json:"accessed"`
	Chosen     []ModelID         `json:"chosen"`
	ChosenForm string            `json:"chosen_form"`
	Basis      map[string]string `json:"basis"` // per answered key: what in the source supports it
	Profile    json.RawMessage   `json:"profile"`
}

func loadCases(t *testing.T) []realCase {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(casesDir, "*.json"))
	var out []realCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c realCase
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, c)
	}
	return out
}

// caseResult is where the tool puts a case's chosen form.
type caseResult struct {
	first, firstTwo bool
	summary         string
}

func judgeCase(c realCase, p Profile) caseResult {
	r := Score(p)
	places := Places(r.Ranking)
	chosen := map[ModelID]bool{}
	for _, id := range c.Chosen {
		chosen[id] = true
	}
	var res caseResult
	if lead, ok := r.Leader(); ok && chosen[lead] {
		res.first = true
	}
	best := 0
	var parts []string
	for i, m := range r.Ranking {
		if chosen[m.Model] && places[i] > 0 && (best == 0 || places[i] < best) {
			best = places[i]
		}
		parts = append(parts, fmt.Sprintf("%d.%s(%d)", places[i], m.Model, m.Raw))
	}
	res.firstTwo = best == 1 || best == 2
	res.summary = strings.Join(parts, " ")
	return res
}

func TestRealCases(t *testing.T) {
	cases := loadCases(t)
	if len(cases) < 10 {
		t.Fatalf("%d documented cases, want at least 10", len(cases))
	}
	lands := map[string]bool{}
	first, firstTwo := 0, 0
	for _, c := range cases {
		lands[c.Land] = true
		if c.ID == "" || c.Name == "" || len(c.Sources) == 0 || len(c.Chosen) == 0 || c.ChosenForm == "" || c.Accessed == "" {
			t.Errorf("%s: incomplete case file", c.ID)
		}
		for _, s := range c.Sources {
			if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
				t.Errorf("%s: source %q is no address", c.ID, s)
			}
		}
		p, err := ParseProfileDocument([]byte(`{"profile":` + string(c.Profile) + `}`))
		if err != nil {
			t.Errorf("%s: %v", c.ID, err)
			continue
		}
		if land, _ := p.Choice("bundesland"); land != c.Land {
			t.Errorf("%s: profile Land %q, case Land %q", c.ID, land, c.Land)
		}
		// Every answer except the Land names what in the source supports it.
		for k := range p {
			if k != "bundesland" && c.Basis[k] == "" {
				t.Errorf("%s: answer %q without its basis in the source", c.ID, k)
			}
		}
		res := judgeCase(c, p)
		if res.first {
			first++
		}
		if res.firstTwo {
			firstTwo++
		}
		t.Logf("%s: chosen %v · first %v · first two %v · %s", c.ID, c.Chosen, res.first, res.firstTwo, res.summary)
	}
	if len(lands) < 5 {
		t.Errorf("cases from %d Länder, want at least 5", len(lands))
	}
	t.Logf("first: %d of %d, first two: %d of %d", first, len(cases), firstTwo, len(cases))

	readme, err := os.ReadFile(filepath.Join(casesDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Erster Platz: (\d+) von (\d+) · unter den ersten zwei: (\d+) von (\d+)`).FindStringSubmatch(string(readme))
	want := fmt.Sprintf("%d %d %d %d", first, len(cases), firstTwo, len(cases))
	if m == nil || strings.Join(m[1:], " ") != want {
		t.Errorf("testdata/cases/README.md states %v, the tool gives first %d, first two %d of %d", m, first, firstTwo, len(cases))
	}
}

// Every point of every score is explained: for the README's example
// profiles and the real cases, each model's points are exactly the sum of
// its listed contributions, each with a reason and a source.
func TestEveryPointExplained(t *testing.T) {
	files, _ := filepath.Glob("../testdata/profile-*.json")
	cases, _ := filepath.Glob(filepath.Join(casesDir, "*.json"))
	files = append(files, cases...)
	if len(files) < 12 {
		t.Fatalf("only %d example files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParseProfileDocument(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, m := range Score(p).Ranking {
			sum := 0
			for _, c := range m.Contributions {
				sum += c.Points
				if c.Reason == "" || c.Source == "" {
					t.Errorf("%s %s: contribution %s without reason or source", f, m.Model, c.RuleID)
				}
			}
			if sum != m.Raw {
				t.Errorf("%s %s: raw %d, contributions sum to %d", f, m.Model, m.Raw, sum)
			}
		}
	}
}
