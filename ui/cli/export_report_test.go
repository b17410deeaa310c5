package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
	"ikz/ui/report"
)

var reportNow = time.Date(2027, 3, 15, 15, 0, 0, 0, time.UTC)

// runAt runs a command with a fixed clock.
func runAt(t *testing.T, db string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Commands["export"].Run(Env{Stdout: &out, Stderr: &errOut, DBPath: db, Now: func() time.Time { return reportNow }}, args)
	return code, out.String(), errOut.String()
}

// reviewedDB holds one session with a hostile title, a measure, a review
// and a snapshot, then a changed answer.
func reviewedDB(t *testing.T) (db, id string) {
	t.Helper()
	db = tempDB(t)
	id = seed(t, db, &model.Session{Title: `Verbund <script>alert("x")</script>`, Traeger: "Kreis Auental",
		Profile: model.Profile{"bundesland": {"NW"}, "umfang": {"austausch"}}})[0]
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Update(id, func(x *model.Session) error {
		x.Measures = []model.Measure{{ID: "m1", Title: "Ticketsystem einführen", Indicator: "alle Schulen angebunden",
			Due: "2027-01-31", Status: model.MeasureLaufend}}
		x.Reviews = []model.Review{{ID: "r1", At: reportNow.AddDate(-1, 0, 0), Answers: map[string]string{"eval.ziele": "teilweise"}}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Snapshot(id, "Review 15.03.2026"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAnswer(id, "umfang", model.Answer{"gesamtbetrieb"}); err != nil {
		t.Fatal(err)
	}
	return db, id
}

// want renders what report.Load + report.Render give for the session.
func want(t *testing.T, db, id, format string) string {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := report.Load(s, id, reportNow)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.Render(&b, format, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestExportReportToStdout(t *testing.T) {
	db, id := reviewedDB(t)
	for _, format := range []string{"md", "html"} {
		code, out, stderr := runAt(t, db, id, "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if out != want(t, db, id, format) {
			t.Errorf("%s: output differs from report.Render(report.Load(…))", format)
		}
		if !strings.Contains(out, "Ticketsystem einführen") || !strings.Contains(out, "Review 15.03.2026") {
			t.Errorf("%s: report lacks the measure or the compared snapshot:\n%s", format, out)
		}
	}
	_, html, _ := runAt(t, db, id, "--format", "html")
	if strings.Contains(html, "<script>") || !strings.Contains(html, "&lt;script&gt;") {
		t.Error("html: the title is not escaped")
	}
}

func TestExportReportToFileNeverOverwritesWithoutForce(t *testing.T) {
	db, id := reviewedDB(t)
	out := filepath.Join(t.TempDir(), "bericht.html")
	code, _, stderr := runAt(t, db, id, "--format", "html", "-o", out)
	if code != 0 || !strings.Contains(stderr, "geschrieben nach "+out) {
		t.Fatalf("first export: exit %d, %q", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil || string(got) != want(t, db, id, "html") {
		t.Fatalf("file content differs from the report (err %v)", err)
	}

	if err := os.WriteFile(out, []byte("meine Notizen"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runAt(t, db, id, "--format", "html", "-o", out)
	if code != 2 || !strings.Contains(stderr, "gibt es schon") || !strings.Contains(stderr, "--force") {
		t.Errorf("existing file: exit %d, %q; want 2 and a hint to --force", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != "meine Notizen" {
		t.Fatal("an existing file was overwritten without --force")
	}

	code, _, stderr = runAt(t, db, id, "--format", "html", "-o", out, "--force")
	if got, _ := os.ReadFile(out); code != 0 || string(got) != want(t, db, id, "html") {
		t.Errorf("--force: exit %d, %q; file not replaced", code, stderr)
	}
}

func TestExportReportErrors(t *testing.T) {
	db, id := reviewedDB(t)
	code, out, stderr := runAt(t, db, "gibtsnicht", "--format", "md")
	if code != 2 || out != "" || !strings.Contains(stderr, "gibtsnicht") {
		t.Errorf("unknown ID: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, _, stderr = runAt(t, db, "x", "--format", "pdf")
	if code != 2 || !strings.Contains(stderr, "md") || !strings.Contains(stderr, "html") {
		t.Errorf("unknown format: exit %d, %q; want the formats listed", code, stderr)
	}
	missing := filepath.Join(t.TempDir(), "fehlt", "bericht.md")
	code, _, stderr = runAt(t, db, id, "--format", "md", "-o", missing)
	if code != 2 || !strings.Contains(stderr, filepath.Dir(missing)) || !strings.Contains(stderr, "gibt es nicht") {
		t.Errorf("missing directory: exit %d, %q", code, stderr)
	}
}
