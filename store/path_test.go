package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fakeWindows(t *testing.T) (platform, string, string) {
	t.Helper()
	root := t.TempDir()
	roaming, local := filepath.Join(root, "Roaming"), filepath.Join(root, "Local")
	env := map[string]string{"AppData": roaming, "LocalAppData": local}
	return platform{goos: "windows", getenv: func(k string) string { return env[k] },
		home: func() (string, error) { return root, nil }}, roaming, local
}

// On Windows the database lives under %LocalAppData% (a roaming %AppData%
// is often a network share, where file locks are not safe); one found at
// the old place is moved once, with its host key, and the user is told.
func TestWindowsPathMovesOldDatabaseOnce(t *testing.T) {
	p, roaming, local := fakeWindows(t)
	path, note, err := p.resolve("")
	if err != nil || path != filepath.Join(local, "ikz", "sessions.db") || note != "" {
		t.Fatalf("fresh: %q %q %v", path, note, err)
	}
	old := filepath.Join(roaming, "ikz", "sessions.db")
	bigDBAt(t, old)
	before := fileHash(t, old)
	if err := os.WriteFile(filepath.Join(roaming, "ikz", "ikz_host_ed25519"), []byte("key"), 0o600); err != nil {
		t.Fatal(err)
	}
	path, note, err = p.resolve("")
	if err != nil || !strings.Contains(note, "einmalig") || !strings.Contains(note, old) || !strings.Contains(note, path) {
		t.Fatalf("move: %q %q %v", path, note, err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("the old file is still there")
	}
	if fileHash(t, path) != before {
		t.Error("the moved database differs")
	}
	if k, err := os.ReadFile(filepath.Join(local, "ikz", "ikz_host_ed25519")); err != nil || string(k) != "key" {
		t.Errorf("host key not moved: %q %v", k, err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("moved database: %v", err)
	}
	s.Close()
	if _, note, _ = p.resolve(""); note != "" {
		t.Errorf("second start: %q, want no note", note)
	}
	// Both places hold a database: the new one is used, the old one named.
	bigDBAt(t, old)
	if got, note, _ := p.resolve(""); got != path || !strings.Contains(note, "ältere Datenbank") {
		t.Errorf("both: %q %q", got, note)
	}
	// --db and IKZ_DB are never redirected.
	if got, note, _ := p.resolve(`D:\x.db`); got != `D:\x.db` || note != "" {
		t.Errorf("--db: %q %q", got, note)
	}
}

func TestDefaultPathsPerSystem(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": "/daten"}
	p := platform{getenv: func(k string) string { return env[k] }, home: func() (string, error) { return "/home/a", nil }}
	for goos, want := range map[string]string{
		"linux":  "/daten/ikz/sessions.db",
		"darwin": "/home/a/Library/Application Support/ikz/sessions.db",
	} {
		p.goos = goos
		if got, _ := p.defaultPath(); got != filepath.FromSlash(want) {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
	p.goos = "windows"
	if _, err := p.defaultPath(); err == nil || !strings.Contains(err.Error(), "LocalAppData") {
		t.Errorf("windows without %%LocalAppData%%: %v", err)
	}
}

// bigDBAt writes a small database at path.
func bigDBAt(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Create(richSession()); err != nil {
		t.Fatal(err)
	}
	s.Close()
}
