package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
)

func TestListJSONMatchesEncodingJSON(t *testing.T) {
	list := []store.Summary{
		{ID: "abcdefgh", Title: "Quote \" Backslash \\ Tab \t NL \n CR \r Bell \a NUL \x00 <b>&amp;</b>",
			Traeger: "Ungültig \xff\xfe UTF-8, Zeilentrenner \u2028 \u2029, Umlaute äöüß „“", Land: "NW",
			Progress: [3]model.PhaseProgress{{Phase: model.PhaseSondierung, QuickDone: 1, QuickTotal: 5, NotesDone: 2, NotesTotal: 16}},
			TopModel: model.AoeR, Decided: model.Zweckverband, Answered: 7, Updated: time.Date(2026, 11, 21, 9, 30, 0, 123456789, time.UTC),
			OverdueMeasures: 2, Participants: 3},
		{ID: "x", Updated: time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600))},
	}
	var got bytes.Buffer
	if err := writeListJSON(&got, list); err != nil {
		t.Fatal(err)
	}
	want := make([]summaryJSON, len(list))
	for i, s := range list {
		want[i] = summaryJSON{ID: s.ID, Title: s.Title, Traeger: s.Traeger, Land: s.Land, TopModel: s.TopModel, Decided: s.Decided,
			Answered: s.Answered, Updated: s.Updated, OverdueMeasures: s.OverdueMeasures, Participants: s.Participants}
		for _, p := range s.Progress {
			want[i].Progress = append(want[i].Progress, progressJSON{p.Phase, p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal})
		}
	}
	ref, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal(got.Bytes(), &a); err != nil {
		t.Fatalf("not valid JSON: %v\n%s", err, got.String())
	}
	_ = json.Unmarshal(ref, &b)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("hand-written JSON differs from encoding/json:\n%s\n%s", got.String(), ref)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\x00\x1f\x7f", "\xff", "\u2028", "äöü", "<>&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := appendJSONString(nil, s)
		var got string
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%q → invalid JSON %s: %v", s, out, err)
		}
		ref, _ := json.Marshal(s)
		var want string
		_ = json.Unmarshal(ref, &want)
		if got != want {
			t.Fatalf("%q: got %q, encoding/json gives %q", s, got, want)
		}
	})
}

// BenchmarkListJSONCommand runs "ikz list --json" in process on 10,000
// sessions: open, list, encode (the whole process adds start-up time).
func BenchmarkListJSONCommand(b *testing.B) {
	db := filepath.Join(b.TempDir(), "sessions.db")
	s, err := store.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	sessions := make([]*model.Session, 10_000)
	for i := range sessions {
		sessions[i] = &model.Session{Title: fmt.Sprintf("Sitzung %05d", i), Traeger: "Landkreis Muster",
			Profile: model.Profile{"bundesland": {"NW"}, "traeger": {"landkreis"}, "umfang": {"aufgabenbereich"}},
			Notes:   map[string]string{"s.bedarf.ziele": "Support bündeln"}}
	}
	if _, err := s.Import(sessions); err != nil {
		b.Fatal(err)
	}
	s.Close()
	env := Env{Stdout: io.Discard, Stderr: io.Discard, DBPath: db, Now: time.Now}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := runList(env, []string{"--json"}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// ikz list shows the group's decision, marked as the group's, instead of
// the computed model (issue 14).
func TestListShowsTheGroupsDecision(t *testing.T) {
	db := tempDB(t)
	ids := seed(t, db, &model.Session{Title: "Entschieden", Profile: model.Profile{"bundesland": {"NW"}, "umfang": {"austausch"}},
		Decisions: []model.Decision{{Model: model.Zweckverband, Reason: "Kreistag", At: time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)}}})
	_, out, _ := runCmd(t, db, "list")
	if !strings.Contains(out, "Zweckverband (Gruppe)") {
		t.Errorf("list does not show the group's decision:\n%s", out)
	}
	if !strings.Contains(out, "\n1 Sitzung in ") {
		t.Errorf("list counts one session in the wrong grammatical number:\n%s", out)
	}
	_, out, _ = runCmd(t, db, "list", "--json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 || got[0]["id"] != ids[0] || got[0]["decided"] != string(model.Zweckverband) {
		t.Errorf("list --json = %v (%v)", got, err)
	}
}
