package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
	"time"

	"ikz/model"
)

func TestCreateGetAndFileModes(t *testing.T) {
	c := newClock()
	s, path := openTemp(t, c)
	in := richSession()
	if err := s.Create(in); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[a-z2-7]{8}$`).MatchString(in.ID) {
		t.Errorf("ID %q is not 8 base32 characters", in.ID)
	}
	if in.Created.IsZero() || !in.Created.Equal(in.Updated) || in.CatalogueVersion != model.CatalogueVersion {
		t.Errorf("Create did not set times/version: %v %v %d", in.Created, in.Updated, in.CatalogueVersion)
	}
	s = reopen(t, s, c)
	got, err := s.Get(in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("Get after reopen differs:\n got %+v\nwant %+v", got, in)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
		}
	}
}

func TestCreateValidates(t *testing.T) {
	s, _ := openTemp(t, newClock())
	for _, sess := range []*model.Session{
		{Title: "  "},
		{Title: "T", Profile: model.Profile{"bundesland": {"XX"}}},
		{Title: "T", Notes: map[string]string{"gibt.es.nicht": "x"}},
		{Title: "T", QuickCheck: map[string]model.QuickEntry{"qc.s1": {Status: "fertig"}}},
	} {
		if err := s.Create(sess); err == nil {
			t.Errorf("Create(%+v) accepted an invalid session", sess)
		}
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Errorf("invalid sessions were stored: %v", list)
	}
}

func TestAutosaveOperations(t *testing.T) {
	c := newClock()
	s, _ := openTemp(t, c)
	sess := &model.Session{Title: "T"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	id := sess.ID
	steps := []struct {
		name    string
		do      func() error
		wantErr bool
	}{
		{"answer", func() error { return s.SetAnswer(id, "bundesland", model.Answer{"BY"}) }, false},
		{"multi answer canonical", func() error {
			return s.SetAnswer(id, "ziele", model.Answer{"servicequalitaet", "erfahrungsaustausch", "servicequalitaet"})
		}, false},
		{"number", func() error { return s.SetAnswer(id, "partner_anzahl", model.Answer{"03"}) }, false},
		{"unanswer", func() error { return s.SetAnswer(id, "partner_anzahl", nil) }, false},
		{"invalid value", func() error { return s.SetAnswer(id, "bundesland", model.Answer{"XX"}) }, true},
		{"unknown key", func() error { return s.SetAnswer(id, "gibts_nicht", nil) }, true},
		{"note", func() error { return s.SetNote(id, "s.bedarf.ziele", "Ziel A") }, false},
		{"note removed", func() error { return s.SetNote(id, "s.bedarf.mep", "") }, false},
		{"note unknown", func() error { return s.SetNote(id, "x.y", "n") }, true},
		{"quick", func() error {
			return s.SetQuick(id, "qc.s2", model.QuickEntry{Status: model.StatusErledigt, Note: "ok"})
		}, false},
		{"quick note only", func() error { return s.SetQuick(id, "qc.s3", model.QuickEntry{Note: "offen"}) }, false},
		{"quick bad status", func() error { return s.SetQuick(id, "qc.s2", model.QuickEntry{Status: "fertig"}) }, true},
		{"quick unknown", func() error { return s.SetQuick(id, "qc.zz", model.QuickEntry{}) }, true},
		{"rename", func() error { return s.Rename(id, "  Neuer Titel ") }, false},
		{"rename empty", func() error { return s.Rename(id, " ") }, true},
		{"missing session", func() error { return s.SetNote("nixda", "s.bedarf.ziele", "n") }, true},
	}
	for _, st := range steps {
		if err := st.do(); (err != nil) != st.wantErr {
			t.Errorf("%s: err = %v, wantErr %v", st.name, err, st.wantErr)
		}
	}
	got, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Profile{"bundesland": {"BY"}, "ziele": {"erfahrungsaustausch", "servicequalitaet"}}
	if !reflect.DeepEqual(got.Profile, want) {
		t.Errorf("Profile = %v, want %v", got.Profile, want)
	}
	if got.Notes["s.bedarf.ziele"] != "Ziel A" || len(got.Notes) != 1 {
		t.Errorf("Notes = %v", got.Notes)
	}
	wantQ := map[string]model.QuickEntry{"qc.s2": {Status: model.StatusErledigt, Note: "ok"}, "qc.s3": {Status: model.StatusOffen, Note: "offen"}}
	if !reflect.DeepEqual(got.QuickCheck, wantQ) {
		t.Errorf("QuickCheck = %v, want %v", got.QuickCheck, wantQ)
	}
	if got.Title != "Neuer Titel" {
		t.Errorf("Title = %q", got.Title)
	}
	if !got.Updated.After(got.Created) {
		t.Errorf("Updated %v not after Created %v", got.Updated, got.Created)
	}
}

func TestUpdateErrorWritesNothing(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := &model.Session{Title: "T"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	_, err := s.Update(sess.ID, func(x *model.Session) error { x.Title = "geändert"; return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	_, err = s.Update(sess.ID, func(x *model.Session) error { x.Profile = model.Profile{"dauer": {"ewig"}}; return nil })
	if err == nil {
		t.Fatal("Update stored an invalid profile")
	}
	got, _ := s.Get(sess.ID)
	if got.Title != "T" || len(got.Profile) != 0 || !got.Updated.Equal(sess.Updated) {
		t.Errorf("failed updates changed the session: %+v", got)
	}
}

func TestDuplicate(t *testing.T) {
	s, _ := openTemp(t, newClock())
	sess := richSession()
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(sess.ID, "Review 1")
	if err != nil {
		t.Fatal(err)
	}
	dup, err := s.Duplicate(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if dup.ID == sess.ID || dup.Title != sess.Title+" (Kopie)" || !dup.Created.After(sess.Created) {
		t.Errorf("duplicate = %q %q %v", dup.ID, dup.Title, dup.Created)
	}
	got, _ := s.Get(dup.ID)
	if !reflect.DeepEqual(got.Profile, sess.Profile) || !reflect.DeepEqual(got.Notes, sess.Notes) {
		t.Errorf("duplicate lost answers: %+v", got)
	}
	if _, err := s.GetSnapshot(dup.ID, snap.ID); err != nil {
		t.Errorf("snapshot not copied: %v", err)
	}
	if list, _ := s.List(); len(list) != 2 || list[0].ID != dup.ID {
		t.Errorf("List = %+v, want the copy first", list)
	}
}

func TestListSummaries(t *testing.T) {
	c := newClock()
	s, _ := openTemp(t, c)
	a, b := richSession(), &model.Session{Title: "B", Traeger: "Stadt B"}
	for _, x := range []*model.Session{a, b} {
		if err := s.Create(x); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetNote(a.ID, "s.bedarf.aufgaben", "x"); err != nil { // a changes last
		t.Fatal(err)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
		t.Fatalf("List order = %+v", list)
	}
	full, _ := s.Get(a.ID)
	got := list[0]
	if got.Title != a.Title || got.Traeger != a.Traeger || got.Land != "NW" || got.Participants != 1 ||
		got.Progress != model.Progress(full) || got.TopModel != model.Score(full.Profile).Top() || !got.Updated.Equal(full.Updated) {
		t.Errorf("summary = %+v", got)
	}
	// Overdue is counted when listing: m1 is due 2026-10-01 and still open.
	if got.OverdueMeasures != 1 {
		t.Errorf("OverdueMeasures = %d, want 1", got.OverdueMeasures)
	}
	c.Add(365 * 24 * time.Hour) // now m2 (2027-03-31) is overdue too
	list, _ = s.List()
	if list[0].OverdueMeasures != 2 {
		t.Errorf("a year later OverdueMeasures = %d, want 2", list[0].OverdueMeasures)
	}
}

func TestInjectedIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ids.db")
	s, err := OpenWith(path, Options{NewID: func() string { return "fest0001" }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := &model.Session{Title: "A"}
	if err := s.Create(a); err != nil || a.ID != "fest0001" {
		t.Fatalf("Create: %v, ID %q", err, a.ID)
	}
	done := make(chan error, 1)
	go func() { done <- s.Create(&model.Session{Title: "B"}) }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a duplicate ID was accepted")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Create hangs when NewID repeats itself")
	}
}

func TestListFirstPageAndTotal(t *testing.T) {
	c := newClock()
	st, _ := openTemp(t, c)
	for i := 0; i < 5; i++ {
		c.Add(time.Minute)
		if err := st.Create(&model.Session{Title: fmt.Sprintf("S%d", i), Profile: model.Profile{}}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 2, 5, 10} {
		page, total, err := st.ListFirst(n)
		if err != nil {
			t.Fatal(err)
		}
		if total != 5 {
			t.Errorf("ListFirst(%d) total = %d, want 5", n, total)
		}
		if want := min(n, 5); len(page) != want {
			t.Fatalf("ListFirst(%d) returned %d summaries, want %d", n, len(page), want)
		}
		for i := range page {
			if page[i].ID != all[i].ID {
				t.Errorf("ListFirst(%d)[%d] = %s, want %s (newest first, as List)", n, i, page[i].ID, all[i].ID)
			}
		}
	}
}
