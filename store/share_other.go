//go:build !unix

package store

import (
	"os"
	"path/filepath"
)

// shareDir is the sockets' directory in the user's own temporary
// directory (on Windows %TEMP% lies in the user profile).
func shareDir() (string, error) {
	dir := filepath.Join(os.TempDir(), "ikz")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

func checkShareSocket(path string) error {
	_, err := os.Lstat(path)
	return err
}
