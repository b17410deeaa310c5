package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/model/modeltest"
	"ikz/store"
)

// Terminal safety of the CLI: a session with escape, control and bidi
// characters in every text field goes through import, list, trash and the
// exports to stdout; not one byte of them reaches any output, while the
// visible text around them does.
func TestTerminalSafetyCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sessions.db")
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	run := func(args ...string) (int, string) {
		t.Helper()
		var out, errOut bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errOut, DBPath: db, Now: func() time.Time { return now }}
		code := Commands[args[0]].Run(env, args[1:])
		all := out.String() + errOut.String()
		if leak := modeltest.Leak(all); leak != "" {
			t.Errorf("ikz %s: %q reached the output:\n%q", strings.Join(args, " "), leak, all)
		}
		return code, all
	}

	var file bytes.Buffer
	if err := store.WriteExport(&file, &store.Export{Session: modeltest.HostileSession(now)}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(file.String(), `\u001b]52`) {
		t.Fatal("the test file does not carry the escape sequences")
	}
	path := filepath.Join(dir, "feindlich.json")
	if err := os.WriteFile(path, file.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	// Imported twice: one copy goes to the trash.
	for range 2 {
		if code, out := run("import", path); code != 0 {
			t.Fatalf("import: exit %d\n%s", code, out)
		} else if !strings.Contains(out, "Workshop Lippe «") || !strings.Contains(out, "Steuer-, Escape- oder Richtungszeichen") {
			t.Errorf("import does not show the cleaned title or say what it removed:\n%s", out)
		}
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := st.List()
	if err != nil || len(sums) != 2 {
		t.Fatalf("%d sessions, %v", len(sums), err)
	}
	id, gone := sums[0].ID, sums[1].ID
	if err := st.Delete(gone); err != nil {
		t.Fatal(err)
	}
	stored, err := st.Get(id)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if model.CleanSession(stored) != 0 {
		t.Error("the stored session still holds unsafe text")
	}

	for _, args := range [][]string{
		{"list"}, {"list", "--json"}, {"trash"},
		{"export", id}, {"export", id, "--format", "md"},
	} {
		code, out := run(args...)
		if code != 0 {
			t.Errorf("ikz %s: exit %d\n%s", strings.Join(args, " "), code, out)
		}
		if !strings.Contains(out, "Workshop Lippe «") {
			t.Errorf("ikz %s does not show the title:\n%.400s", strings.Join(args, " "), out)
		}
	}
	if _, ok := ExportFormats["md"]; !ok {
		t.Error("no Markdown export format registered")
	}
}
