package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
)

// runCmd runs a registered command against the database at db.
func runCmd(t *testing.T, db, name string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd, ok := Commands[name]
	if !ok {
		t.Fatalf("%s is not registered", name)
	}
	var out, errOut bytes.Buffer
	code = cmd.Run(Env{Stdout: &out, Stderr: &errOut, DBPath: db, Now: time.Now}, args)
	return code, out.String(), errOut.String()
}

// seed creates sessions directly in the store and returns their IDs.
func seed(t *testing.T, db string, sessions ...*model.Session) []string {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	for _, x := range sessions {
		if err := s.Create(x); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.ID)
	}
	return ids
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "ikz", "sessions.db") }

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A read command on a database that does not exist says so (exit 1):
// "Keine Sitzungen" for a typo in --db would look like lost data. It
// creates nothing.
func TestReadCommandsOnMissingDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tippfehler", "x.db")
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"trash"}, {"export", "abc"},
		{"backup", filepath.Join(t.TempDir(), "b.db")}} {
		code, out, stderr := runCmd(t, db, args[0], args[1:]...)
		if code != 1 || out != "" || !strings.Contains(stderr, db) || !strings.Contains(stderr, "gibt es nicht") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Error("a read command created the database directory")
	}
}

func TestListEmptyDatabase(t *testing.T) {
	db := tempDB(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, _ := runCmd(t, db, "list")
	if code != 0 || !strings.Contains(out, "Keine Sitzungen") {
		t.Errorf("list: %d %q", code, out)
	}
	code, out, _ = runCmd(t, db, "list", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("list --json: %d %q", code, out)
	}
}

func TestListTextAndJSON(t *testing.T) {
	db := tempDB(t)
	ids := seed(t, db,
		&model.Session{Title: "Erste", Traeger: "Kreis A", Profile: model.Profile{"bundesland": {"SL"}}},
		&model.Session{Title: "Zweite\tmit Tab", Traeger: "Stadt B"})
	code, out, stderr := runCmd(t, db, "list")
	if code != 0 {
		t.Fatalf("list: %d %s", code, stderr)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "ID") || !strings.HasPrefix(lines[1], ids[1]) || !strings.HasPrefix(lines[2], ids[0]) {
		t.Errorf("list is not newest first:\n%s", out)
	}
	if !strings.Contains(out, "Zweite mit Tab") || !strings.Contains(out, "SL") || !strings.Contains(out, "2 Sitzungen") {
		t.Errorf("list output:\n%s", out)
	}
	_, out, _ = runCmd(t, "unused", "list", "--json", "--db", db) // --db in the command's own flags
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, out)
	}
	if len(got) != 2 || got[0]["id"] != ids[1] || got[1]["title"] != "Erste" || got[1]["land"] != "SL" {
		t.Errorf("list --json = %v", got)
	}
	if _, err := time.Parse(time.RFC3339, got[0]["updated"].(string)); err != nil {
		t.Errorf("updated is not RFC 3339: %v", got[0]["updated"])
	}
	if code, _, _ := runCmd(t, db, "list", "extra"); code != 2 {
		t.Errorf("list with an argument: exit %d", code)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	src := tempDB(t)
	sess := &model.Session{Title: "Runde", Traeger: "Kreis", Profile: model.Profile{"bundesland": {"HE"}, "ziele": {"wirtschaftlichkeit"}},
		Notes: map[string]string{"s.bedarf.ziele": "Notiz"}, QuickCheck: map[string]model.QuickEntry{"qc.s1": {Status: model.StatusErledigt}}}
	ids := seed(t, src, sess)
	file := filepath.Join(t.TempDir(), "runde.json")
	if code, _, stderr := runCmd(t, src, "export", ids[0], "-o", file); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, src, "export", ids[0], "-o", file); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("export over an existing file: %d %s", code, stderr)
	}
	code, stdout, _ := runCmd(t, src, "export", ids[0])
	data, _ := os.ReadFile(file)
	if code != 0 || stdout != string(data) {
		t.Errorf("export to stdout differs from -o")
	}

	dst := tempDB(t)
	code, out, stderr := runCmd(t, dst, "import", file)
	if code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	newID := strings.Fields(strings.Split(out, "\n")[1])[0]
	s, err := store.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(newID)
	if err != nil {
		t.Fatal(err)
	}
	got.ID = sess.ID
	if !reflect.DeepEqual(got, sess) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, sess)
	}
}

func TestImportAllOrNothing(t *testing.T) {
	db := tempDB(t)
	good := writeFile(t, "gut.json", `{"format":"ikz-session/1","title":"T","profile":{}}`)
	list := writeFile(t, "liste.json", `[{"format":"ikz-session/1","title":"A","profile":{}},{"format":"ikz-session/1","title":"B","profile":{"bundesland":"BY"}}]`)
	bad := writeFile(t, "schlecht.json", "{\n\"format\":\"ikz-session/1\",\n\"title\":\"T\",\"profile\":{\"farbe\":1}}")
	syntax := writeFile(t, "syntax.json", "{\n  \"title\": ,\n}")
	for _, tc := range []struct {
		files []string
		want  string
	}{
		{[]string{good, bad}, `schlecht.json: unbekannter Schlüssel "farbe"`},
		{[]string{good, syntax}, "syntax.json:2:"},
		{[]string{good, filepath.Join(t.TempDir(), "fehlt.json")}, "Datei nicht gefunden"},
	} {
		code, _, stderr := runCmd(t, db, "import", tc.files...)
		if code != 2 || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Nichts importiert") {
			t.Errorf("import %v: %d %q, want %q", tc.files, code, stderr, tc.want)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("failed imports created the database: %v", err)
	}
	code, out, stderr := runCmd(t, db, "import", good, list)
	if code != 0 || !strings.Contains(out, "3 Sitzungen importiert") {
		t.Errorf("import: %d %q %q", code, out, stderr)
	}
}

func TestBackupTrashRestore(t *testing.T) {
	db := tempDB(t)
	ids := seed(t, db, &model.Session{Title: "Behalten"}, &model.Session{Title: "Löschen"})
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ids[1]); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, out, _ := runCmd(t, db, "trash")
	if code != 0 || !strings.Contains(out, ids[1]) || !strings.Contains(out, "Löschen") || strings.Contains(out, "Behalten") {
		t.Errorf("trash: %d\n%s", code, out)
	}
	backup := filepath.Join(t.TempDir(), "sicherung.db")
	if code, out, stderr := runCmd(t, db, "backup", backup); code != 0 || !strings.Contains(out, backup) {
		t.Fatalf("backup: %d %s %s", code, out, stderr)
	}
	if code, _, _ := runCmd(t, db, "backup", backup); code != 2 {
		t.Errorf("backup over an existing file: exit %d", code)
	}
	if code, out, _ := runCmd(t, db, "restore", ids[1]); code != 0 || !strings.Contains(out, "„Löschen“") {
		t.Errorf("restore: %d %s", code, out)
	}
	if code, _, stderr := runCmd(t, db, "restore", ids[1]); code != 2 || !strings.Contains(stderr, "nicht im Papierkorb") {
		t.Errorf("second restore: %d %s", code, stderr)
	}
	if _, out, _ := runCmd(t, db, "trash"); !strings.Contains(out, "leer") {
		t.Errorf("trash after restore: %s", out)
	}
	// The backup still has the session in its trash.
	if _, out, _ := runCmd(t, backup, "trash"); !strings.Contains(out, ids[1]) {
		t.Errorf("backup lacks the trash: %s", out)
	}
}

func TestCommandsReportInUse(t *testing.T) {
	db := tempDB(t)
	ids := seed(t, db, &model.Session{Title: "T"})
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	code, _, stderr := runCmd(t, db, "export", ids[0])
	if code != 1 || !strings.Contains(stderr, "anderes ikz-Programm") || time.Since(start) > 2*time.Second {
		t.Errorf("export of a held database: %d %q after %v", code, stderr, time.Since(start))
	}
}
