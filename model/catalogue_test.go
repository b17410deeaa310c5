package model

import (
	"regexp"
	"strings"
	"testing"
)

// catalogueIDs collects every ID of the catalogue and the models with where
// it was found, failing on empty IDs.
func catalogueIDs(t *testing.T) map[string][]string {
	t.Helper()
	seen := map[string][]string{}
	add := func(id, where string) {
		if strings.TrimSpace(id) == "" {
			t.Errorf("%s: leere ID", where)
			return
		}
		seen[id] = append(seen[id], where)
	}
	for _, ph := range Phases {
		add(string(ph.ID), "phase")
		for _, g := range ph.Groups {
			add(g.ID, "group in "+string(ph.ID))
			for _, q := range g.Questions {
				add(q.ID, "question in "+g.ID)
			}
		}
		for _, it := range ph.QuickItems {
			add(it.ID, "quick item in "+string(ph.ID))
		}
	}
	for _, q := range EvaluationQuestions {
		add(q.ID, "evaluation question")
	}
	for _, m := range Models {
		add(string(m.ID), "model")
		for _, c := range m.Checklist {
			add(c.ID, "checklist of "+string(m.ID))
		}
	}
	for _, q := range ProfileQuestions {
		add(q.Key, "profile key")
	}
	return seen
}

func TestCatalogueIDsUnique(t *testing.T) {
	for id, where := range catalogueIDs(t) {
		if len(where) > 1 {
			t.Errorf("ID %q kommt %d-mal vor: %v", id, len(where), where)
		}
	}
}

var readableID = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)

func TestCatalogueIDsReadable(t *testing.T) {
	for id := range catalogueIDs(t) {
		if !readableID.MatchString(id) {
			t.Errorf("ID %q: erwartet Kleinbuchstaben, Ziffern, _ und Punkte", id)
		}
	}
	for _, ph := range Phases {
		prefix := string(ph.ID[0]) + "."
		for _, g := range ph.Groups {
			if !strings.HasPrefix(g.ID, prefix) {
				t.Errorf("Gruppe %q in Phase %q: erwartet Präfix %q", g.ID, ph.ID, prefix)
			}
			for _, q := range g.Questions {
				if !strings.HasPrefix(q.ID, g.ID+".") {
					t.Errorf("Frage %q: erwartet Präfix %q", q.ID, g.ID+".")
				}
			}
		}
		for _, it := range ph.QuickItems {
			if !strings.HasPrefix(it.ID, "qc."+string(ph.ID[0])) {
				t.Errorf("Quick-Check-Punkt %q in Phase %q: falsches Präfix", it.ID, ph.ID)
			}
		}
	}
}

// sourceRef is how catalogue items cite the Handreichung.
var sourceRef = regexp.MustCompile(`^H \d(\.\d)*$`)

func TestCatalogueTextsAndSources(t *testing.T) {
	nonBlank := func(what, field, v string) {
		t.Helper()
		if strings.TrimSpace(v) == "" {
			t.Errorf("%s: %s ist leer", what, field)
		}
		if v != strings.TrimSpace(v) {
			t.Errorf("%s: %s hat Leerraum am Rand: %q", what, field, v)
		}
	}
	cites := func(what, src string) {
		t.Helper()
		if !sourceRef.MatchString(src) {
			t.Errorf("%s: Quelle %q ist kein Abschnitt der Handreichung (z. B. \"H 4.1.1\")", what, src)
		}
	}
	question := func(what string, q GuidingQuestion) {
		t.Helper()
		nonBlank(what, "Text", q.Text)
		cites(what, q.Source)
		if !strings.HasSuffix(q.Text, "?") {
			t.Errorf("%s: Leitfrage endet nicht mit '?': %q", what, q.Text)
		}
	}
	for _, ph := range Phases {
		nonBlank(string(ph.ID), "Title", ph.Title)
		nonBlank(string(ph.ID), "Short", ph.Short)
		nonBlank(string(ph.ID), "Summary", ph.Summary)
		cites(string(ph.ID), ph.Source)
		for _, g := range ph.Groups {
			nonBlank(g.ID, "Title", g.Title)
			cites(g.ID, g.Source)
			if !strings.HasPrefix(g.Source, ph.Source) {
				t.Errorf("Gruppe %q: Quelle %q liegt nicht in Abschnitt %q der Phase", g.ID, g.Source, ph.Source)
			}
			for _, q := range g.Questions {
				question(q.ID, q)
				if q.Source != g.Source {
					t.Errorf("Frage %q: Quelle %q weicht von der Gruppe ab (%q)", q.ID, q.Source, g.Source)
				}
			}
		}
		for _, it := range ph.QuickItems {
			nonBlank(it.ID, "Text", it.Text)
			if it.Hint != strings.TrimSpace(it.Hint) {
				t.Errorf("%s: Hinweis hat Leerraum am Rand", it.ID)
			}
			if it.Source != "H 5" {
				t.Errorf("%s: Quelle %q, erwartet \"H 5\"", it.ID, it.Source)
			}
			if !strings.HasSuffix(it.Text, ".") {
				t.Errorf("%s: Quick-Check-Punkt ist kein Aussagesatz: %q", it.ID, it.Text)
			}
		}
	}
	for _, q := range EvaluationQuestions {
		question(q.ID, q)
	}
}

func TestCataloguePhases(t *testing.T) {
	want := []struct {
		id     PhaseID
		title  string
		source string
		quick  int
	}{
		{PhaseSondierung, "Vorbereitung & Sondierung", "H 4.1", 5},
		{PhaseRealisierung, "Realisierung & Umsetzung", "H 4.2", 4},
		{PhaseVerstetigung, "Verstetigung", "H 4.3", 2},
	}
	if len(Phases) != len(want) {
		t.Fatalf("%d Phasen, erwartet %d", len(Phases), len(want))
	}
	quickTotal := 0
	for i, w := range want {
		ph := Phases[i]
		if ph.ID != w.id || ph.Title != w.title || ph.Source != w.source {
			t.Errorf("Phase %d = {%q %q %q}, erwartet {%q %q %q}", i, ph.ID, ph.Title, ph.Source, w.id, w.title, w.source)
		}
		if len(ph.QuickItems) != w.quick {
			t.Errorf("Phase %q: %d Quick-Check-Punkte, erwartet %d", ph.ID, len(ph.QuickItems), w.quick)
		}
		quickTotal += len(ph.QuickItems)
		got, ok := PhaseByID(w.id)
		if !ok || got.ID != w.id {
			t.Errorf("PhaseByID(%q) = %q, %v", w.id, got.ID, ok)
		}
	}
	if quickTotal != 11 {
		t.Errorf("%d Quick-Check-Punkte insgesamt, erwartet 11", quickTotal)
	}
	if _, ok := PhaseByID("unbekannt"); ok {
		t.Error("PhaseByID(unbekannt) meldet einen Treffer")
	}
}

func TestCatalogueGroups(t *testing.T) {
	// Every Leitfragen list of H 4 with its number of questions.
	want := []struct {
		group, source string
		n             int
	}{
		{"s.bedarf", "H 4.1.1", 3},
		{"s.felder", "H 4.1.1", 5}, // the five proven practice fields
		{"s.partner", "H 4.1.2", 5},
		{"s.akteure", "H 4.1.2", 3},
		{"r.ziele", "H 4.2.1", 5},
		{"r.umsetzung", "H 4.2.2", 6},
		{"v.bewertung", "H 4.3", 4},
	}
	var got []QuestionGroup
	for _, ph := range Phases {
		got = append(got, ph.Groups...)
	}
	if len(got) != len(want) {
		t.Fatalf("%d Fragegruppen, erwartet %d", len(got), len(want))
	}
	total := 0
	for i, w := range want {
		g := got[i]
		if g.ID != w.group || g.Source != w.source || len(g.Questions) != w.n {
			t.Errorf("Gruppe %d = {%q %q %d Fragen}, erwartet {%q %q %d}", i, g.ID, g.Source, len(g.Questions), w.group, w.source, w.n)
		}
		total += len(g.Questions)
	}
	if total < 25 {
		t.Errorf("%d Leitfragen, erwartet mindestens 25", total)
	}
	if n := len(AllGuidingQuestionIDs()); n != total {
		t.Errorf("AllGuidingQuestionIDs: %d IDs, im Katalog %d Fragen", n, total)
	}
}

func TestGuidingQuestionByID(t *testing.T) {
	ids := AllGuidingQuestionIDs()
	for _, ph := range Phases {
		for _, g := range ph.Groups {
			for _, q := range g.Questions {
				got, phase, ok := GuidingQuestionByID(q.ID)
				if !ok || got != q || phase != ph.ID {
					t.Errorf("GuidingQuestionByID(%q) = %q, %q, %v; erwartet Phase %q", q.ID, got.ID, phase, ok, ph.ID)
				}
			}
		}
	}
	for _, id := range []string{"", "qc.s1", "eval.ziele", "s.bedarf", "s.bedarf.unbekannt"} {
		if _, _, ok := GuidingQuestionByID(id); ok {
			t.Errorf("GuidingQuestionByID(%q) meldet einen Treffer", id)
		}
	}
	// The returned slice is the caller's own.
	ids[0] = "verändert"
	if AllGuidingQuestionIDs()[0] == "verändert" {
		t.Error("AllGuidingQuestionIDs gibt einen geteilten Slice zurück")
	}
}

func TestQuickItemByID(t *testing.T) {
	ids := AllQuickItemIDs()
	want := []string{"qc.s1", "qc.s2", "qc.s3", "qc.s4", "qc.s5", "qc.r1", "qc.r2", "qc.r3", "qc.r4", "qc.v1", "qc.v2"}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("AllQuickItemIDs = %v, erwartet %v", ids, want)
	}
	for _, ph := range Phases {
		for _, it := range ph.QuickItems {
			got, phase, ok := QuickItemByID(it.ID)
			if !ok || got != it || phase != ph.ID {
				t.Errorf("QuickItemByID(%q) = %q, %q, %v; erwartet Phase %q", it.ID, got.ID, phase, ok, ph.ID)
			}
		}
	}
	for _, id := range []string{"", "qc.s6", "s.bedarf.ziele"} {
		if _, _, ok := QuickItemByID(id); ok {
			t.Errorf("QuickItemByID(%q) meldet einen Treffer", id)
		}
	}
}

func TestEvaluationQuestions(t *testing.T) {
	want := []string{"eval.ziele", "eval.rahmen", "eval.umsetzung", "eval.governance"}
	if len(EvaluationQuestions) != len(want) {
		t.Fatalf("%d Prüffragen, erwartet %d", len(EvaluationQuestions), len(want))
	}
	v, _ := PhaseByID(PhaseVerstetigung)
	var verst []GuidingQuestion
	for _, g := range v.Groups {
		verst = append(verst, g.Questions...)
	}
	for i, id := range want {
		q := EvaluationQuestions[i]
		if q.ID != id {
			t.Errorf("Prüffrage %d: ID %q, erwartet %q", i, q.ID, id)
		}
		if i < len(verst) && q.Text != verst[i].Text {
			t.Errorf("Prüffrage %q weicht von der Leitfrage %q ab", q.ID, verst[i].ID)
		}
		if got, ok := EvaluationQuestionByID(id); !ok || got != q {
			t.Errorf("EvaluationQuestionByID(%q) = %q, %v", id, got.ID, ok)
		}
	}
	if _, ok := EvaluationQuestionByID("v.bewertung.ziele"); ok {
		t.Error("EvaluationQuestionByID findet eine Leitfrage")
	}
}

func TestRetiredIDs(t *testing.T) {
	current := catalogueIDs(t)
	for old, repl := range RetiredIDs {
		if _, ok := current[old]; ok {
			t.Errorf("stillgelegte ID %q ist noch im Katalog", old)
		}
		if repl == "" {
			continue
		}
		if _, ok := current[repl]; !ok {
			t.Errorf("stillgelegte ID %q verweist auf unbekannte ID %q", old, repl)
		}
	}
}
