package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// EnvDB names the environment variable that overrides the database path.
const EnvDB = "IKZ_DB"

// DefaultPath returns ikz/sessions.db under the user's data directory:
// $XDG_DATA_HOME or ~/.local/share on Linux and BSD, ~/Library/Application
// Support on macOS, %AppData% on Windows.
func DefaultPath() (string, error) {
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "ikz", "sessions.db"), nil
}

func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("AppData"); d != "" {
			return d, nil
		}
		return "", errors.New("%AppData% ist nicht gesetzt")
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// ResolvePath picks the database path: the --db flag, else $IKZ_DB, else the default.
func ResolvePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if v := os.Getenv(EnvDB); v != "" {
		return v, nil
	}
	return DefaultPath()
}
