package cli

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/ui"
)

func TestServeFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sessions.db")
	tests := []struct {
		name string
		args []string
		want int
		err  string
	}{
		{"remote needs --allow-remote", []string{"--listen", "0.0.0.0:23234"}, 2, "--allow-remote"},
		{"all interfaces need it too", []string{"--listen", ":23234"}, 2, "--allow-remote"},
		{"max-conns at least 1", []string{"--max-conns", "0"}, 2, "--max-conns"},
		{"negative idle", []string{"--idle", "-1m"}, 2, "--idle"},
		{"moderator code equals workshop code", []string{"--code", "ABC234XY", "--moderator-code", " abc234xy"}, 2, "--moderator-code"},
		{"missing key file", []string{"--listen", "127.0.0.1:0", "--authorized-keys", "/nicht/da"}, 1, "Schlüsseldatei"},
		{"one-letter code", []string{"--code", "a"}, 2, "zu kurz"},
		{"short code", []string{"--code", "ABC234X"}, 2, "mindestens 8 Zeichen"},
		{"blank moderator code", []string{"--moderator-code", " "}, 2, "--moderator-code ist leer"},
		{"empty code", []string{"--code", ""}, 2, "--code ist leer"},
		{"repeated character", []string{"--code", "AAAAAAAAAA"}, 2, "wiederholten Zeichen"},
		{"control character", []string{"--code", "ABCD\x1b[2JEFG"}, 2, "Steuerzeichen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := Env{Stdout: &out, Stderr: &errOut, DBPath: db, Now: time.Now}
			if got := runServe(env, tt.args); got != tt.want {
				t.Fatalf("exit %d, want %d; stderr %s", got, tt.want, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.err) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tt.err)
			}
		})
	}
}

func TestServeStartsPrintsCodeAndStops(t *testing.T) {
	stop := make(chan os.Signal, 1)
	stop <- os.Interrupt // stop right after the start
	old := serveStop
	serveStop = func() (<-chan os.Signal, func()) { return stop, func() {} }
	defer func() { serveStop = old }()

	dir := t.TempDir()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, DBPath: filepath.Join(dir, "sessions.db"), Now: time.Now}
	if got := runServe(env, []string{"--listen", "127.0.0.1:0"}); got != 0 {
		t.Fatalf("exit %d; stderr %s", got, errOut.String())
	}
	if !regexp.MustCompile(`Workshop-Code: [2-9A-Z]{8} `).MatchString(out.String()) {
		t.Errorf("no workshop code printed:\n%s", out.String())
	}
	m := regexp.MustCompile(`Workshop-Code: ([2-9A-Z]{8}) [\s\S]*Moderation: +([2-9A-Z]{8}) `).FindStringSubmatch(out.String())
	if m == nil || m[1] == m[2] {
		t.Errorf("no moderator code, or the same as the workshop code:\n%s", out.String())
	}
	if !regexp.MustCompile(`ssh -p \d+ IHRE-KOMMUNE@127\.0\.0\.1`).MatchString(out.String()) {
		t.Errorf("no ssh hint printed:\n%s", out.String())
	}
	fi, err := os.Stat(filepath.Join(dir, "ikz_host_ed25519"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("host key next to the database: %v, %v", fi, err)
	}
}

// On all interfaces the console names the LAN address participants type,
// as the projector does, not the machine's name their DNS may not know.
func TestServeConsoleNamesLANAddress(t *testing.T) {
	stop := make(chan os.Signal, 1)
	stop <- os.Interrupt
	old := serveStop
	serveStop = func() (<-chan os.Signal, func()) { return stop, func() {} }
	defer func() { serveStop = old }()

	dir := t.TempDir()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, DBPath: filepath.Join(dir, "sessions.db"), Now: time.Now}
	if got := runServe(env, []string{"--listen", "0.0.0.0:0", "--allow-remote"}); got != 0 {
		t.Fatalf("exit %d; stderr %s", got, errOut.String())
	}
	m := regexp.MustCompile(`Verbinden: +ssh -p \d+ IHRE-KOMMUNE@(\S+)\n`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no join line:\n%s", out.String())
	}
	if m[1] != ui.LANHost() {
		t.Errorf("join line names %q, want the LAN address %q", m[1], ui.LANHost())
	}
	if h, _ := os.Hostname(); h != "" && h != ui.LANHost() && strings.Contains(out.String(), "@"+h) {
		t.Errorf("the console names the host name %q:\n%s", h, out.String())
	}
}

// --session names the sessions participants see; unknown IDs are refused
// before the server starts; without it the server says that all are visible.
func TestServeSessionFlag(t *testing.T) {
	stop := make(chan os.Signal, 3)
	old := serveStop
	serveStop = func() (<-chan os.Signal, func()) { return stop, func() {} }
	defer func() { serveStop = old }()

	db := filepath.Join(t.TempDir(), "sessions.db")
	ids := seed(t, db, &model.Session{Title: "Workshop Lippe"}, &model.Session{Title: "Vertraulich: Haushalt Kreis"})
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errOut, DBPath: db, Now: time.Now}
		stop <- os.Interrupt
		code := runServe(env, append([]string{"--listen", "127.0.0.1:0"}, args...))
		return code, out.String(), errOut.String()
	}
	if code, _, errOut := run("--session", "gibtsnicht"); code == 0 || !strings.Contains(errOut, "keine Sitzung „gibtsnicht“") {
		t.Errorf("unknown session: exit %d, stderr %q", code, errOut)
	}
	<-stop // the unknown ID stopped the command before it waited for the signal
	code, out, errOut := run("--session", ids[0])
	if code != 0 || !strings.Contains(out, "Freigegeben:   Workshop Lippe ("+ids[0]+")") {
		t.Errorf("--session %s: exit %d, stdout %q, stderr %q", ids[0], code, out, errOut)
	}
	if code, out, _ := run(); code != 0 || !strings.Contains(out, "Alle 2 Sitzungen dieser Datenbank sind für Verbundene sichtbar") {
		t.Errorf("without --session: exit %d, no hint in %q", code, out)
	}
}

// A failed start creates nothing: with the port taken there is no
// database, no host key and no code file afterwards.
func TestServePortBusyCreatesNoFiles(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, DBPath: filepath.Join(dir, "sessions.db"), Now: time.Now}
	if got := runServe(env, []string{"--listen", ln.Addr().String()}); got != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", got, errOut.String())
	}
	if !strings.Contains(errOut.String(), "nicht verfügbar") {
		t.Errorf("stderr %q does not say the address is taken", errOut.String())
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("a failed start left files: %v", files)
	}
}

// Codes survive a restart (the one on the flipchart keeps working), are
// stored 0600, and --new-codes replaces both.
func TestServeCodesKeptAcrossRestarts(t *testing.T) {
	stop := make(chan os.Signal, 1)
	old := serveStop
	serveStop = func() (<-chan os.Signal, func()) { return stop, func() {} }
	defer func() { serveStop = old }()
	dir := t.TempDir()
	codesRe := regexp.MustCompile(`Workshop-Code: (\S+) [\s\S]*Moderation: +([2-9A-Z]{8}) `)
	start := func(args ...string) (string, string) {
		t.Helper()
		var out, errOut bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errOut, DBPath: filepath.Join(dir, "sessions.db"), Now: time.Now}
		stop <- os.Interrupt
		if got := runServe(env, append([]string{"--listen", "127.0.0.1:0"}, args...)); got != 0 {
			t.Fatalf("exit %d; stderr %s", got, errOut.String())
		}
		m := codesRe.FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("no codes printed:\n%s", out.String())
		}
		return m[1], m[2]
	}
	w1, m1 := start()
	fi, err := os.Stat(filepath.Join(dir, "ikz_serve_codes"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("code file next to the database: %v, %v", fi, err)
	}
	if w2, m2 := start(); w2 != w1 || m2 != m1 {
		t.Errorf("after a restart %s/%s, want the kept %s/%s", w2, m2, w1, m1)
	}
	w3, m3 := start("--new-codes")
	if w3 == w1 || m3 == m1 {
		t.Errorf("--new-codes kept %s/%s", w3, m3)
	}
	if w4, m4 := start(); w4 != w3 || m4 != m3 {
		t.Errorf("after --new-codes and a restart %s/%s, want %s/%s", w4, m4, w3, m3)
	}
	if w5, m5 := start("--code", "LIPPE-2026"); w5 != "LIPPE-2026" || m5 != m3 {
		t.Errorf("a given workshop code: %s/%s, want LIPPE-2026/%s (the moderator code kept)", w5, m5, m3)
	}
}
