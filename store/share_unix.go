//go:build unix

package store

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// shareDir is the private directory of the sockets: $XDG_RUNTIME_DIR/ikz
// or <tmp>/ikz-<uid>, 0700 and owned by us (a directory someone else made
// is not used).
func shareDir() (string, error) {
	base := os.Getenv("XDG_RUNTIME_DIR")
	name := "ikz"
	if base == "" || !filepath.IsAbs(base) {
		base, name = os.TempDir(), fmt.Sprintf("ikz-%d", os.Getuid())
	}
	dir := filepath.Join(base, name)
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return "", err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return "", err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !fi.IsDir() || fi.Mode().Perm() != 0o700 || !ok || int(st.Uid) != os.Getuid() {
		return "", fmt.Errorf("%s ist kein privates Verzeichnis", dir)
	}
	return dir, nil
}

// checkShareSocket makes sure the socket is ours before we trust it.
func checkShareSocket(path string) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if fi.Mode()&os.ModeSocket == 0 || !ok || int(st.Uid) != os.Getuid() {
		return fmt.Errorf("%s ist kein eigener Socket", path)
	}
	return nil
}
