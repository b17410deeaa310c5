package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"ikz/model"
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
		{"moderator code equals workshop code", []string{"--code", "ABC234", "--moderator-code", " abc234"}, 2, "--moderator-code"},
		{"missing key file", []string{"--listen", "127.0.0.1:0", "--authorized-keys", "/nicht/da"}, 1, "Schlüsseldatei"},
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
	if !regexp.MustCompile(`Workshop-Code: [2-9A-Z]{6} `).MatchString(out.String()) {
		t.Errorf("no workshop code printed:\n%s", out.String())
	}
	m := regexp.MustCompile(`Workshop-Code: ([2-9A-Z]{6}) [\s\S]*Moderation: +([2-9A-Z]{6}) `).FindStringSubmatch(out.String())
	if m == nil || m[1] == m[2] {
		t.Errorf("no moderator code, or the same as the workshop code:\n%s", out.String())
	}
	if !regexp.MustCompile(`ssh -p \d+ 127\.0\.0\.1`).MatchString(out.String()) {
		t.Errorf("no ssh hint printed:\n%s", out.String())
	}
	fi, err := os.Stat(filepath.Join(dir, "ikz_host_ed25519"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("host key next to the database: %v, %v", fi, err)
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
