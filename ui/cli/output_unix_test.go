//go:build unix

package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Targets that are no regular file are refused in German before anything
// is written (a device, a FIFO, a directory, a missing directory).
func TestOutputSpecialTargets(t *testing.T) {
	db, id := reviewedDB(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, tc := range []struct{ target, want string }{
		{"/dev/null", "ein Gerät"},
		{fifo, "eine FIFO"},
		{dir, "ein Verzeichnis"},
		{filepath.Join(dir, "fehlt", "x.json"), "gibt es nicht"},
	} {
		for _, cmd := range [][]string{{"export", id, "-o", tc.target, "--force"}, {"backup", "--force", tc.target}} {
			code, _, stderr := runCmd(t, db, cmd[0], cmd[1:]...)
			if code != 2 || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, tc.target) {
				t.Errorf("%v: exit %d %q, want 2 and %q", cmd, code, stderr, tc.want)
			}
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}
