package store

import (
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the whole database to path while the
// store stays in use (a read transaction, bbolt's Tx.WriteTo). The copy is
// written to a temporary file next to path, synced, and renamed into place,
// so path holds either its old content or the complete backup.
func (s *Store) Backup(path string) error {
	if same, _ := sameFile(path, s.path); same {
		return &FileError{Path: path, Op: OpBackup, Err: errSameFile}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".ikz-backup-*")
	if err != nil {
		return &FileError{Path: path, Op: OpBackup, Err: err}
	}
	ok := false
	defer func() {
		if !ok {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	err = s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err != nil {
		if fe, isFile := err.(*FileError); isFile {
			fe.Path, fe.Op = path, OpBackup // the backup file failed, not the database
		}
		return err
	}
	for _, step := range []func() error{
		func() error { return tmp.Chmod(0o600) },
		tmp.Sync,
		tmp.Close,
		func() error { return os.Rename(tmp.Name(), path) },
	} {
		if err := step(); err != nil {
			return &FileError{Path: path, Op: OpBackup, Err: err}
		}
	}
	ok = true
	syncDir(dir)
	return nil
}

type sameFileError struct{}

func (sameFileError) Error() string { return "Ziel ist die Datenbank selbst" }

var errSameFile = sameFileError{}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// syncDir makes a rename durable; best effort (not possible on Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
