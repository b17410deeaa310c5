package cli

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"

	"ikz/store"
)

// The extension of -o decides the format; a contradicting --format is an
// error; report files are 0600 like the database.
func TestExportFormatFollowsExtension(t *testing.T) {
	db, id := reviewedDB(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name, format string // format "" = the one the extension implies
	}{
		{"bericht.html", "html"}, {"bericht.HTM", "html"}, {"bericht.md", "md"}, {"sitzung.json", "json"},
	} {
		out := filepath.Join(dir, tc.name)
		code, _, stderr := runAt(t, db, id, "-o", out)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", tc.name, code, stderr)
		}
		got, _ := os.ReadFile(out)
		switch tc.format {
		case "json":
			if !strings.Contains(string(got), `"format": "ikz-session/1"`) {
				t.Errorf("%s is not the JSON export:\n%.200s", tc.name, got)
			}
		default:
			if string(got) != want(t, db, id, tc.format) {
				t.Errorf("%s is not the %s report:\n%.200s", tc.name, tc.format, got)
			}
		}
		if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", tc.name, fi.Mode().Perm())
		}
	}
	code, _, stderr := runAt(t, db, id, "--format", "json", "-o", filepath.Join(dir, "x.html"))
	if code != 2 || !strings.Contains(stderr, ".html") || !strings.Contains(stderr, "--format json") {
		t.Errorf("--format json -o x.html: exit %d %q, want 2 and the mismatch named", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.html")); err == nil {
		t.Error("a mismatching export wrote a file")
	}
	// An extension that names no format: --format decides.
	out := filepath.Join(dir, "bericht.txt")
	if code, _, stderr := runAt(t, db, id, "--format", "md", "-o", out); code != 0 {
		t.Fatalf("-o .txt --format md: %d %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != want(t, db, id, "md") {
		t.Error("bericht.txt with --format md is not the Markdown report")
	}
}

// No output path that resolves to the open database is written: not the
// file itself, not a symlink or hard link to it, not with --force.
func TestOutputOntoDatabaseRefused(t *testing.T) {
	db, id := reviewedDB(t)
	sum := func() [32]byte { b, _ := os.ReadFile(db); return sha256.Sum256(b) }
	before := sum()
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(filepath.Dir(db), "hard")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{db, link, hard} {
		for _, cmd := range [][]string{{"export", id, "-o", target, "--force"}, {"export", id, "--format", "html", "-o", target, "--force"}, {"backup", "--force", target}} {
			code, _, stderr := runCmd(t, db, cmd[0], cmd[1:]...)
			if code != 2 || !strings.Contains(stderr, "Datenbank selbst") {
				t.Errorf("%v: exit %d %q, want 2 and a refusal", cmd, code, stderr)
			}
		}
	}
	if sum() != before {
		t.Fatal("the database was changed")
	}
	if code, _, stderr := runCmd(t, db, "list"); code != 0 {
		t.Fatalf("database no longer readable: %s", stderr)
	}
}

// Write errors on the target are German and give the hint that fits
// (tested on the errors themselves: as root a read-only directory is no
// obstacle).
func TestOutputErrorsGerman(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want []string
	}{
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}, []string{"schreibgeschützt", "beschreibbaren Ort"}},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}, []string{"keine Berechtigung", "beschreibbaren Ort"}},
		{&fs.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}, []string{"voll", "Platz"}},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.ENOENT}, []string{"fehlt", "Verzeichnis anlegen"}},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.ENXIO}, []string{"Gerät"}},
	} {
		msg := outputError("/ziel/x.json", tc.err).Error()
		for _, w := range append(tc.want, "/ziel/x.json") {
			if !strings.Contains(msg, w) {
				t.Errorf("%v: %q lacks %q", tc.err, msg, w)
			}
		}
		if strings.Contains(msg, "open /x") || strings.Contains(msg, "--db") {
			t.Errorf("%v: %q is raw or gives the database hint", tc.err, msg)
		}
	}
	// A backup target that cannot be written is the target's problem: the
	// hint is about the target, not about starting with --db.
	for _, errno := range []error{syscall.EROFS, syscall.EACCES, syscall.ENOENT} {
		msg := (&store.FileError{Path: "/media/stick/b.db", Op: store.OpBackup, Err: errno}).Error()
		if strings.Contains(msg, "--db") || !strings.Contains(msg, "Ziel") || !strings.Contains(msg, "/media/stick/b.db") {
			t.Errorf("backup, %v: %q", errno, msg)
		}
	}
}

// "ikz restore" of an ID that is not in the trash points to "ikz trash".
func TestRestoreUnknownPointsToTrash(t *testing.T) {
	db, id := reviewedDB(t)
	code, _, stderr := runCmd(t, db, "restore", "gibtsnicht")
	if code != 2 || !strings.Contains(stderr, "ikz trash") || strings.Contains(stderr, "ikz list") {
		t.Errorf("restore unknown: exit %d %q", code, stderr)
	}
	code, _, stderr = runCmd(t, db, "restore", id)
	if code != 2 || !strings.Contains(stderr, "nicht gelöscht") {
		t.Errorf("restore of a live session: exit %d %q", code, stderr)
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "ikz", Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-29T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	got := describeBuild(bi)
	for _, w := range []string{"ikz v1.2.0", "0123456789ab", "2026-11-29 10:00:00", "lokalen Änderungen", "go1.26.0"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q lacks %q", got, w)
		}
	}
	if got := describeBuild(&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}}); got != "ikz Entwicklungsstand · go1.26.0" {
		t.Errorf("devel build: %q", got)
	}
	code, out, _ := runCmd(t, "unused", "version")
	if code != 0 || !strings.HasPrefix(out, "ikz ") {
		t.Errorf("ikz version: %d %q", code, out)
	}
}

// The example called an export in the README is one: import takes it.
func TestSaarlandExampleImports(t *testing.T) {
	db := tempDB(t)
	code, out, stderr := runCmd(t, db, "import", filepath.Join(scoreExampleDir, "profile-saarland-export.json"))
	if code != 0 || !strings.Contains(out, "importiert") {
		t.Errorf("import: %d %q %q", code, out, stderr)
	}
}
