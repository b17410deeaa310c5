package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// EnvDB names the environment variable that overrides the database path.
const EnvDB = "IKZ_DB"

// platform is what the path rules read from the system; tests give their
// own, so the Windows rules run on every system.
type platform struct {
	goos   string
	getenv func(string) string
	home   func() (string, error)
}

var system = platform{goos: runtime.GOOS, getenv: os.Getenv, home: os.UserHomeDir}

// DefaultPath returns ikz/sessions.db under the user's data directory:
// $XDG_DATA_HOME or ~/.local/share on Linux and BSD, ~/Library/Application
// Support on macOS, %LocalAppData% on Windows.
func DefaultPath() (string, error) { return system.defaultPath() }

func (p platform) defaultPath() (string, error) {
	dir, err := p.dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "ikz", "sessions.db"), nil
}

func (p platform) dataDir() (string, error) {
	switch p.goos {
	case "windows":
		// Local, not roaming: %AppData% is often redirected to a network
		// share, where file locking is not safe for a database.
		if d := p.getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return "", errors.New("%LocalAppData% ist nicht gesetzt")
	case "darwin":
		home, err := p.home()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := p.getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	home, err := p.home()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// oldPath is where earlier versions kept the database: %AppData% on
// Windows ("" elsewhere).
func (p platform) oldPath() string {
	if d := p.getenv("AppData"); p.goos == "windows" && d != "" {
		return filepath.Join(d, "ikz", "sessions.db")
	}
	return ""
}

// ResolvePath picks the database path: the --db flag, else $IKZ_DB, else the default.
func ResolvePath(flagValue string) (string, error) {
	path, _, err := system.resolve(flagValue)
	return path, err
}

// ResolvePathNote is ResolvePath that also moves a database from the
// place earlier versions used to the default place, once; note then says
// so (German, for stderr).
func ResolvePathNote(flagValue string) (path, note string, err error) {
	return system.resolve(flagValue)
}

func (p platform) resolve(flagValue string) (string, string, error) {
	if flagValue != "" {
		return flagValue, "", nil
	}
	if v := p.getenv(EnvDB); v != "" {
		return v, "", nil
	}
	path, err := p.defaultPath()
	if err != nil {
		return "", "", err
	}
	return path, moveOld(p.oldPath(), path), nil
}

// moveOld moves the database (and the host key of ikz serve next to it)
// from old to path when path does not exist yet. Nothing is lost if the
// move fails: the file stays where it was and note says what to do.
func moveOld(old, path string) (note string) {
	if old == "" || old == path {
		return ""
	}
	if _, err := os.Stat(old); err != nil {
		return ""
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Sprintf("Hinweis: Unter %s liegt noch eine ältere Datenbank; verwendet wird %s. "+
			"Mit „ikz --db %s“ öffnen Sie die alte.", old, path, old)
	}
	if err := ensureDir(filepath.Dir(path)); err != nil {
		return fmt.Sprintf("Hinweis: Die Datenbank %s konnte nicht nach %s verschoben werden (%v); sie bleibt, wo sie ist. "+
			"Öffnen Sie sie mit „ikz --db %s“.", old, path, err, old)
	}
	for _, name := range []string{filepath.Base(path), "ikz_host_ed25519"} {
		from, to := filepath.Join(filepath.Dir(old), name), filepath.Join(filepath.Dir(path), name)
		if _, err := os.Stat(from); err != nil {
			continue
		}
		if err := moveFile(from, to); err != nil {
			return fmt.Sprintf("Hinweis: Die Datenbank %s konnte nicht nach %s verschoben werden (%s); sie bleibt, wo sie ist. "+
				"Öffnen Sie sie mit „ikz --db %s“ oder schließen Sie das ikz, das sie geöffnet hat, und starten Sie neu.", old, path, Reason(err), old)
		}
	}
	return fmt.Sprintf("Hinweis: Die Datenbank wurde einmalig von %s nach %s verschoben "+
		"(lokal statt im servergespeicherten Profil, wo Dateisperren nicht sicher sind).", old, path)
}

// moveFile renames from to to; across drives (a redirected %AppData%) it
// copies, syncs, and removes the original only after the copy is complete.
func moveFile(from, to string) error {
	if err := os.Rename(from, to); err == nil {
		return nil
	}
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp := to + ".verschieben"
	dst, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, to)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	src.Close()
	return os.Remove(from)
}
